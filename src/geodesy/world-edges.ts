import type { Bilingual } from '../schema/bilingual.ts';

/**
 * Why a line or polygon cannot be screened on the flat longitude-latitude plane the engine works in, if it cannot:
 * the whole world, a boundary that reaches or circles a pole, an edge across the 180° meridian (the plane reads it
 * the long way round, through Inner Mongolia), or a site wider than half the world. Each path is flat x, y pairs
 * (a line's parts, a polygon's rings); `closed` says they are rings. Both doors call it: the site reader
 * (src/site-input/finish-site.ts), before the site replaces the current one, and the engine (src/screening/site.ts).
 */
export function worldEdgeProblem(paths: readonly ArrayLike<number>[], closed: boolean): Bilingual | undefined {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const xy of paths) {
    for (let i = 0; i < xy.length; i += 2) {
      west = Math.min(west, xy[i]!);
      east = Math.max(east, xy[i]!);
      south = Math.min(south, xy[i + 1]!);
      north = Math.max(north, xy[i + 1]!);
    }
  }
  if (west <= -180 && east >= 180 && south <= -90 && north >= 90) return wholeWorld;
  if (north >= 90 || south <= -90) return pole(north >= 90 ? 'north' : 'south', 'reaches');
  for (const xy of paths) {
    const circling = closed ? circledPole(xy) : undefined;
    if (circling) return pole(circling, 'circles');
    const jump = antimeridianJump(xy);
    if (jump) return antimeridian(jump[0], jump[1]);
  }
  if (east - west > 180) return tooWide(east - west);
  return undefined;
}

/** A ring whose longitude, followed the short way from vertex to vertex, turns a full circle goes round a pole. */
function circledPole(xy: ArrayLike<number>): 'north' | 'south' | undefined {
  let turned = 0;
  let latitudes = 0;
  const count = xy.length / 2;
  for (let i = 0; i < count; i++) {
    const next = (i + 1) % count;
    let step = xy[2 * next]! - xy[2 * i]!;
    if (step > 180) step -= 360;
    if (step < -180) step += 360;
    turned += step;
    latitudes += xy[2 * i + 1]!;
  }
  if (Math.abs(turned) < 180) return undefined;
  return latitudes >= 0 ? 'north' : 'south';
}

/** The first edge whose ends are more than 180° of longitude apart: the short way between them crosses 180°. */
function antimeridianJump(xy: ArrayLike<number>): [number, number] | undefined {
  for (let i = 2; i < xy.length; i += 2) {
    if (Math.abs(xy[i]! - xy[i - 2]!) > 180) return [xy[i - 2]!, xy[i]!];
  }
  return undefined;
}

const checkCoordinates: Bilingual = {
  en: 'a site in Inner Mongolia (97-127°E, 37-54°N) never does: check the coordinates',
  zh: '内蒙古（东经97-127°、北纬37-54°）的场址不会如此：请检查坐标',
};

const wholeWorld: Bilingual = {
  en: `the site is the whole world (longitude -180 to 180, latitude -90 to 90), not a place; ${checkCoordinates.en}`,
  zh: `该场址覆盖整个地球（经度-180至180、纬度-90至90），不是一个地点；${checkCoordinates.zh}`,
};

function pole(which: 'north' | 'south', how: 'reaches' | 'circles'): Bilingual {
  const en = `${how === 'reaches' ? 'reaches' : 'goes round'} the ${which === 'north' ? 'North' : 'South'} Pole`;
  const zh = `${how === 'reaches' ? '到达' : '环绕'}${which === 'north' ? '北极' : '南极'}`;
  return {
    en: `the site's boundary ${en}, where the map's grid has no single inside; ${checkCoordinates.en}`,
    zh: `场址边界${zh}，在地图的经纬网上无法确定其内部；${checkCoordinates.zh}`,
  };
}

function antimeridian(from: number, to: number): Bilingual {
  return {
    en: `the site crosses the 180° meridian (an edge from longitude ${from} to ${to}), far from Inner Mongolia (97-127°E), where none of the documents applies; the map would read that edge the long way round the world. Split the site at 180° or check the coordinates`,
    zh: `场址跨越180°经线（一条边从经度${from}到${to}），远离内蒙古（东经97-127°），各文件均不适用；地图会把这条边当作绕地球另一侧的长线。请在180°处拆分场址，或检查坐标`,
  };
}

function tooWide(span: number): Bilingual {
  const degrees = Math.round(span);
  return {
    en: `the site spans ${degrees}° of longitude, more than half the world: the map and the globe join its vertices differently; ${checkCoordinates.en}`,
    zh: `场址横跨经度${degrees}°，超过半个地球：地图与地球上连接其顶点的方式不同；${checkCoordinates.zh}`,
  };
}

import type { Position } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';

/**
 * The positions without repeats, first occurrences kept in order. A hash map from x to the y values seen with it
 * finds repeats in O(n) (comparing every pair took minutes on 600,000 points); numbers are keys as they are, with no
 * text made of them.
 */
export function distinctPositions(positions: Position[]): Position[] {
  const seen = new Map<number, number | Set<number>>();
  const kept: Position[] = [];
  for (const position of positions) {
    const [x = NaN, y = NaN] = position;
    const ys = seen.get(x);
    if (ys === undefined) seen.set(x, y);
    else if (typeof ys === 'number') {
      if (ys === y) continue;
      seen.set(x, new Set([ys, y]));
    } else if (ys.has(y)) continue;
    else ys.add(y);
    kept.push(position);
  }
  return kept;
}

/**
 * Why several distinct points cannot be a site, or undefined for one point (repeats included): a site is one place,
 * a line or an area, and points scattered over a region have no shape to screen (the CLI screens each row's point on
 * its own). The site reader and the atlas's state (window.atlas.setState, links) both refuse with this.
 */
export function scatteredPoints(points: Position[]): Bilingual | undefined {
  const distinct = distinctPositions(points).length;
  if (distinct < 2) return undefined;
  return {
    en: `the input holds ${distinct} separate points, and a site is one point, one line or one area; draw or upload the area around them, or screen each point on its own (one CSV row each with the CLI)`,
    zh: `输入包含${distinct}个分散的点，而场址应为一个点、一条线或一个面；请绘制或上传包含这些点的范围，或逐点筛查（命令行工具中每点一行）`,
  };
}

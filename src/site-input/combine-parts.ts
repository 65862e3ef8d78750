import type { Position } from 'geojson';
import { positionsOf } from './geometry-walk.ts';
import type { SiteGeometry, SitePart } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';

type Dimension = 'points' | 'lines' | 'polygons';

/** How to count each kind ("3 point(s)" / "3个点") and name it ("points" / "点"). */
const NAMES: Record<Dimension, { count: Bilingual; kind: Bilingual }> = {
  points: { count: { en: 'point(s)', zh: '个点' }, kind: { en: 'points', zh: '点' } },
  lines: { count: { en: 'line(s)', zh: '条线' }, kind: { en: 'lines', zh: '线' } },
  polygons: { count: { en: 'polygon(s)', zh: '个面' }, kind: { en: 'polygons', zh: '面' } },
};

function simpleShapes(geometry: SiteGeometry): { points: Position[]; lines: Position[][]; polygons: Position[][][] } {
  switch (geometry.type) {
    case 'Point':
      return { points: [geometry.coordinates], lines: [], polygons: [] };
    case 'MultiPoint':
      return { points: geometry.coordinates, lines: [], polygons: [] };
    case 'LineString':
      return { points: [], lines: [geometry.coordinates], polygons: [] };
    case 'MultiLineString':
      return { points: [], lines: geometry.coordinates, polygons: [] };
    case 'Polygon':
      return { points: [], lines: [], polygons: [geometry.coordinates] };
    case 'MultiPolygon':
      return { points: [], lines: [], polygons: geometry.coordinates };
  }
}

/**
 * A file's features as one site geometry. Several features merge into one Multi- geometry (a site may be several
 * plots); when a file mixes kinds, the areas win over lines and lines over points (labels, survey marks), and the
 * reviewer is told what was left out.
 */
export function combineParts(parts: SitePart[], notes: Bilingual[]): SiteGeometry {
  const shapes = parts.filter((part) => positionsOf(part.geometry).length > 0).map((part) => simpleShapes(part.geometry));
  const all = {
    points: shapes.flatMap((shape) => shape.points),
    lines: shapes.flatMap((shape) => shape.lines),
    polygons: shapes.flatMap((shape) => shape.polygons),
  };
  const kept = (['polygons', 'lines', 'points'] as const).find((dimension) => all[dimension].length > 0);
  if (!kept) throw new SiteInputError({ en: 'the file holds no coordinates', zh: '文件中没有坐标' });
  const dropped = (['polygons', 'lines', 'points'] as const).filter((dimension) => dimension !== kept && all[dimension].length > 0);
  if (dropped.length > 0) {
    const counts = dropped.map((dimension) => ({
      en: `${all[dimension].length} ${NAMES[dimension].count.en}`,
      zh: `${all[dimension].length}${NAMES[dimension].count.zh}`,
    }));
    notes.push({
      en: `the site is taken from the file's ${NAMES[kept].kind.en}; left out ${counts.map((count) => count.en).join(', ')}`,
      zh: `场址取自文件中的${NAMES[kept].kind.zh}要素；未采用${counts.map((count) => count.zh).join('、')}`,
    });
  }
  if (parts.length > 1) {
    notes.push({ en: `${parts.length} features were combined into one site`, zh: `${parts.length}个要素已合并为一个场址` });
  }
  switch (kept) {
    case 'points': {
      const [only] = all.points;
      return all.points.length === 1 && only ? { type: 'Point', coordinates: only } : { type: 'MultiPoint', coordinates: all.points };
    }
    case 'lines': {
      const [only] = all.lines;
      return all.lines.length === 1 && only
        ? { type: 'LineString', coordinates: only }
        : { type: 'MultiLineString', coordinates: all.lines };
    }
    case 'polygons': {
      const [only] = all.polygons;
      return all.polygons.length === 1 && only
        ? { type: 'Polygon', coordinates: only }
        : { type: 'MultiPolygon', coordinates: all.polygons };
    }
  }
}

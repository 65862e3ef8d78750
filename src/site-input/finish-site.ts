import { worldEdgeProblem } from '../geodesy/world-edges.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { positionsOf } from './geometry-walk.ts';
import { SITE_LIMITS } from './limits.ts';
import { outsideRegionNote } from './position-check.ts';
import { repairGeometry } from './repair.ts';
import { scatteredPoints } from './scattered-points.ts';
import type { SiteGeometry, SiteInput } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

const partCount = (geometry: SiteGeometry) => {
  switch (geometry.type) {
    case 'Point':
    case 'LineString':
      return 1;
    case 'MultiPoint':
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.length;
    case 'MultiPolygon':
      return geometry.coordinates.reduce((sum, polygon) => sum + polygon.length, 0);
  }
};

/** A line's parts or a polygon's rings as flat x, y pairs, as the world-edge check reads them; none for points. */
function flatPaths(geometry: SiteGeometry): { paths: number[][]; closed: boolean } {
  const flat = (positions: number[][]) => positions.flatMap(([x = Number.NaN, y = Number.NaN]) => [x, y]);
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return { paths: [], closed: false };
    case 'LineString':
      return { paths: [flat(geometry.coordinates)], closed: false };
    case 'MultiLineString':
      return { paths: geometry.coordinates.map(flat), closed: false };
    case 'Polygon':
      return { paths: geometry.coordinates.map(flat), closed: true };
    case 'MultiPolygon':
      return { paths: geometry.coordinates.flat().map(flat), closed: true };
  }
}

/** Refuses a site over the vertex or part limit before any repair starts, so its cost stays bounded. */
function assertWithinLimits(geometry: SiteGeometry): void {
  const vertices = positionsOf(geometry).length;
  if (vertices > SITE_LIMITS.vertices) {
    throw new SiteInputError({
      en: `the site has ${vertices.toLocaleString('en')} vertices, over the limit of ${SITE_LIMITS.vertices.toLocaleString('en')}; simplify the boundary (a site needs far fewer)`,
      zh: `场址有${vertices}个顶点，超过${SITE_LIMITS.vertices}个的上限；请简化边界（场址无需这么多顶点）`,
    });
  }
  const parts = partCount(geometry);
  if (parts > SITE_LIMITS.parts) {
    throw new SiteInputError({
      en: `the site has ${parts.toLocaleString('en')} parts, over the limit of ${SITE_LIMITS.parts.toLocaleString('en')}; dissolve or remove small parts`,
      zh: `场址有${parts}个部分，超过${SITE_LIMITS.parts}个的上限；请合并或删除细碎部分`,
    });
  }
}

/**
 * The last step of every reader: check the limits, repair the geometry, then tell the reviewer if the site is off
 * Inner Mongolia. Several distinct points are refused (scattered-points.ts says why).
 */
export function finishSite(geometry: SiteGeometry, notes: Bilingual[]): SiteInput {
  assertWithinLimits(geometry);
  const { paths, closed } = flatPaths(geometry);
  const offThePlane = worldEdgeProblem(paths, closed);
  if (offThePlane) throw new SiteInputError(offThePlane);
  const repaired = repairGeometry(geometry, notes);
  const scattered = repaired.type === 'MultiPoint' ? scatteredPoints(repaired.coordinates) : undefined;
  if (scattered) throw new SiteInputError(scattered);
  const outside = outsideRegionNote(positionsOf(repaired));
  return { geometry: repaired, warnings: outside ? [...notes, outside] : [...notes] };
}

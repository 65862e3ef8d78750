import type { Contact } from './contact.ts';
import { edgeWithinBand, type Closest } from './edge-distance.ts';
import { geodesicKm } from '../geodesy/ellipsoid.ts';
import { pointInRings } from './point-in-rings.ts';
import type { Site } from './site.ts';
import type { ZoneStore } from './zone-store.ts';

/** Sample points per site: enough that the range's ends are good to about 1 % of the site, cheap beside the rest. */
const gridSide = 32;
const lineSamples = 480;

export const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * A figure rounded to what its range allows: a step of the leading decade of the range's half-width (a share measured
 * at 37.3 % between 20 and 60 % reads 40, range 20-60), the range widened outward to that step and kept within [0, max]. Without a range the
 * figure keeps `digits` decimals.
 */
export function roundedFigure(
  value: number,
  low: number,
  high: number,
  max: number,
  digits: number,
): { value: number; range?: [number, number] } {
  const spread = high - low;
  if (!(spread > 0)) return { value: round(value, digits) };
  // The figure is uncertain by about half the range either way: keep the decade of that half-width.
  const decade = Math.floor(Math.log10(spread / 2));
  const step = 10 ** decade;
  const places = Math.max(0, -decade);
  const fixed = (x: number) => Number(Math.min(max, Math.max(0, x)).toFixed(places));
  return {
    value: fixed(Math.round(value / step) * step),
    range: [fixed(Math.floor(low / step) * step), fixed(Math.ceil(high / step) * step)],
  };
}

/**
 * The share of a site (area of a polygon, length of a line) that lies inside the zone however its edge is placed
 * within its accuracy (low), and that could lie inside it (high): the share inside the zone drawn shrunk and grown by
 * accuracyKm, estimated on sample points of the site (a grid weighted by cos latitude, or even steps along a line).
 * The measured share itself is exact; this gives the range around it.
 */
export function shareRange(site: Site, store: ZoneStore, zone: number, accuracyKm: number, contact: Contact): [number, number] {
  const ringFrom = store.zoneRingStart[zone] as number;
  const ringTo = store.zoneRingStart[zone + 1] as number;
  const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  let total = 0;
  let sure = 0;
  let possible = 0;
  const sample = (x: number, y: number, weight: number) => {
    const inside = pointInRings(store.rings, ringFrom, ringTo, x, y);
    const band = edgeWithinBand(store.rings, ringFrom, ringTo, x, y, accuracyKm, closest);
    total += weight;
    if (inside && !band) sure += weight;
    if (inside || band) possible += weight;
  };
  if (site.kind === 'polygon') samplePolygon(site, sample);
  else sampleLine(site, sample);
  const measured = site.kind === 'polygon' ? contact.overlapM2 / site.areaM2 : contact.insideKm / site.lengthKm;
  if (!(total > 0)) return [measured, measured];
  // The samples estimate the ends; the exact measure must lie between them whatever the sampling missed.
  return [Math.min(measured, sure / total), Math.max(measured, possible / total)];
}

function samplePolygon(site: Site, sample: (x: number, y: number, weight: number) => void): void {
  const [x0, y0, x1, y1] = site.box as unknown as [number, number, number, number];
  const dx = (x1 - x0) / gridSide;
  const dy = (y1 - y0) / gridSide;
  for (let i = 0; i < gridSide; i++) {
    for (let j = 0; j < gridSide; j++) {
      const x = x0 + (i + 0.5) * dx;
      const y = y0 + (j + 0.5) * dy;
      if (pointInRings(site.rings, 0, site.rings.ringClosed.length, x, y)) sample(x, y, Math.cos((y * Math.PI) / 180));
    }
  }
}

function sampleLine(site: Site, sample: (x: number, y: number, weight: number) => void): void {
  const { coords, ringStart, ringClosed } = site.rings;
  const step = site.lengthKm / lineSamples;
  for (let ring = 0; ring < ringClosed.length; ring++) {
    for (let v = (ringStart[ring] as number) + 1; v < (ringStart[ring + 1] as number); v++) {
      const [ax, ay, bx, by] = [coords[2 * v - 2], coords[2 * v - 1], coords[2 * v], coords[2 * v + 1]] as number[];
      const km = geodesicKm(ax as number, ay as number, bx as number, by as number);
      const pieces = Math.max(1, Math.round(km / step));
      for (let k = 0; k < pieces; k++) {
        const t = (k + 0.5) / pieces;
        sample((ax as number) + t * ((bx as number) - (ax as number)), (ay as number) + t * ((by as number) - (ay as number)), km / pieces);
      }
    }
  }
}

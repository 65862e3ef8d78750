import { z } from '../schema/zod-mini.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { ZoneStore } from './zone-store.ts';

/** A stretch of a zone's edge (the edge inside `box`) whose accuracy differs from the rest of it. */
export interface EdgeStretch {
  /** minX, minY, maxX, maxY. */
  box: readonly [number, number, number, number];
  km: number;
  /** Which edge this is ("edge against Wuhai (hand-drawn)"), named in doubts. */
  edge: Bilingual;
}

/** Where a zone's measured error is local: its accuracy_km is then the worst stretch. */
export interface EdgeAccuracy {
  elsewhereKm: number;
  stretches: readonly EdgeStretch[];
}

/** The two optional properties of layers/admin-regions/properties.ts, as any zone dataset may carry them. */
const stretchPropertiesSchema = z.object({
  accuracy_km_elsewhere: z.number().check(z.positive()),
  accuracy_stretches: z
    .array(
      z.object({
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        km: z.number().check(z.positive()),
        edge_en: z.string().check(z.minLength(1)),
        edge_zh: z.string().check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});

/** The stretches a feature's properties declare, or undefined for a zone good to one figure all round. */
export function edgeAccuracyOf(properties: Record<string, unknown>): EdgeAccuracy | undefined {
  if (properties['accuracy_stretches'] === undefined && properties['accuracy_km_elsewhere'] === undefined) return undefined;
  const parsed = stretchPropertiesSchema.parse(properties);
  return {
    elsewhereKm: parsed.accuracy_km_elsewhere,
    stretches: parsed.accuracy_stretches.map(({ bbox, km, edge_en, edge_zh }) => ({ box: bbox, km, edge: { zh: edge_zh, en: edge_en } })),
  };
}

/** The accuracy of a zone's edge at one point of it: the stretch whose box holds the point, if any. */
export interface LocalAccuracy {
  km: number;
  /** Index into the zone's stretches, or -1 where the accuracy is the zone's own (elsewhere, or no stretches). */
  stretch: number;
}

/** Whether the zone's accuracy varies along its edge (so that a band test must find the nearest edge point). */
export const hasStretches = (store: ZoneStore, zone: number): boolean =>
  (store.zoneStretchStart[zone + 1] as number) > (store.zoneStretchStart[zone] as number);

/**
 * The accuracy at edge point (x, y) of the zone: the largest km of the stretches whose box holds it, else the
 * accuracy elsewhere; for a zone without stretches its one accuracy. Reads the store's packed arrays, so that
 * worker threads can call it too.
 */
export function accuracyAt(store: ZoneStore, zone: number, x: number, y: number, out: LocalAccuracy): LocalAccuracy {
  const from = store.zoneStretchStart[zone] as number;
  const to = store.zoneStretchStart[zone + 1] as number;
  out.km = from === to ? (store.zoneAccuracyKm[zone] as number) : (store.zoneElsewhereKm[zone] as number);
  out.stretch = -1;
  for (let s = from; s < to; s++) {
    const box = 4 * s;
    const inBox =
      x >= (store.stretchBox[box] as number) &&
      y >= (store.stretchBox[box + 1] as number) &&
      x <= (store.stretchBox[box + 2] as number) &&
      y <= (store.stretchBox[box + 3] as number);
    if (inBox && (store.stretchKm[s] as number) > (out.stretch < 0 ? -Infinity : out.km)) {
      out.km = store.stretchKm[s] as number;
      out.stretch = s - from;
    }
  }
  return out;
}

/** The band an edge from (ax, ay) to (bx, by) needs: the largest accuracy any point of it can have. */
export function bandOfEdge(store: ZoneStore, zone: number, ax: number, ay: number, bx: number, by: number): number {
  const from = store.zoneStretchStart[zone] as number;
  const to = store.zoneStretchStart[zone + 1] as number;
  if (from === to) return store.zoneAccuracyKm[zone] as number;
  let km = store.zoneElsewhereKm[zone] as number;
  for (let s = from; s < to; s++) {
    const box = 4 * s;
    const meets =
      Math.max(ax, bx) >= (store.stretchBox[box] as number) &&
      Math.max(ay, by) >= (store.stretchBox[box + 1] as number) &&
      Math.min(ax, bx) <= (store.stretchBox[box + 2] as number) &&
      Math.min(ay, by) <= (store.stretchBox[box + 3] as number);
    if (meets) km = Math.max(km, store.stretchKm[s] as number);
  }
  return km;
}

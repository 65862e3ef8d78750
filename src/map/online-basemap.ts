import { z } from '../schema/zod-mini.ts';

/** A user-configured raster basemap. Off unless the user sets one; kept in this browser only, never in links. */
export const onlineBasemapSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('template'),
    template: z.string().check(
      z.url(),
      z.refine((url) => url.startsWith('https://') || url.startsWith('http://'), 'use an http(s) URL'),
      z.refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'the template needs {z}, {x} and {y}'),
    ),
    attribution: z._default(z.string(), ''),
  }),
  z.object({
    kind: z.literal('tianditu'),
    key: z.string().check(z.regex(/^[0-9a-f]{32}$/i, 'a Tianditu key is 32 hexadecimal characters')),
  }),
]);
export type OnlineBasemap = z.infer<typeof onlineBasemapSchema>;

export const storageKey = 'atlas.online-basemap';

/** Tianditu's Web Mercator vector map (vec_w) with the user's own key; tiles come from its eight hosts. */
export function tileTemplate(basemap: OnlineBasemap): { template: string; attribution: string } {
  if (basemap.kind === 'template') return { template: basemap.template, attribution: basemap.attribution };
  return {
    template: `https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=${basemap.key}`,
    attribution: '天地图 Tianditu',
  };
}

export function readStoredBasemap(storage: Pick<Storage, 'getItem'>): OnlineBasemap | undefined {
  try {
    const parsed = onlineBasemapSchema.safeParse(JSON.parse(storage.getItem(storageKey) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

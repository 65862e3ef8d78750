import { z } from '../schema/zod-mini.ts';

/** Links longer than this are offered as a share file instead: some mail clients and chat tools cut them. */
export const maxLinkLength = 8000;

export const shareFileSchema = z.object({
  format: z.literal('nm-carbon-atlas-share'),
  version: z.literal(1),
  hash: z.string().check(z.startsWith('#')),
  createdAt: z.string(),
});
export type ShareFile = z.infer<typeof shareFileSchema>;

export function shareFile(hash: string, now = new Date()): ShareFile {
  return { format: 'nm-carbon-atlas-share', version: 1, hash, createdAt: now.toISOString() };
}

/** Reads a share file's text; the error names what is wrong so the user knows it is not one of ours. */
export function readShareFile(text: string): ShareFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the share file is not JSON');
  }
  const parsed = shareFileSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`not an atlas share file: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
  return parsed.data;
}

/** `?load=` accepts only this page's own origin: the atlas makes no request elsewhere unless the user configures it. */
export function sameOriginUrl(value: string, base: string): URL | undefined {
  try {
    const url = new URL(value, base);
    return url.origin === new URL(base).origin ? url : undefined;
  } catch {
    return undefined;
  }
}

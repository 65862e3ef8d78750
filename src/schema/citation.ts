import { z } from 'zod';

/** A pointer into one of the five policy documents in ../shared/seeds: file name, 1-based line, and up to
 * 40 characters copied verbatim from that line. Tests re-read the documents and fail on any mismatch. */
export const citationSchema = z.object({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'file must be a seed file name such as 003_f727c7bed9c47f2d.txt'),
  line: z.number().int().positive(),
  quote: z.string().min(2).max(40),
});
export type Citation = z.infer<typeof citationSchema>;

/** The five documents, by stable id; the seed file names are those of ../shared/seeds. */
export const documents = {
  'hinggan-climate-14th': '000_297edb07deabd8fc.txt',
  'nm-carbon-peak-opinions': '001_dff8bea975523ce9.txt',
  'nm-energy-saving-13th': '002_febbc5a45325318b.txt',
  'nm-ecology-14th': '003_f727c7bed9c47f2d.txt',
  'ordos-pollution-carbon': '004_17cd5249a403e692.txt',
} as const;
export type DocumentId = keyof typeof documents;

import { z } from 'zod';

/** A pointer into one of the five policy documents in ../shared/seeds: file name, 1-based line, and up to
 * 40 characters copied verbatim from that line. Tests re-read the documents and fail on any mismatch. */
export const citationSchema = z.object({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'file must be a seed file name such as 003_f727c7bed9c47f2d.txt'),
  line: z.number().int().positive(),
  quote: z.string().min(2).max(40),
});
export type Citation = z.infer<typeof citationSchema>;

/** The five documents: stable id, file name in ../shared/seeds, and the short titles the atlas shows. */
export const documents = {
  'hinggan-climate-14th': {
    file: '000_297edb07deabd8fc.txt', zh: '兴安盟应对气候变化“十四五”规划', en: 'Hinggan League 14th Five-Year Plan on Climate Change',
  },
  'nm-carbon-peak-opinions': {
    file: '001_dff8bea975523ce9.txt', zh: '内蒙古自治区碳达峰碳中和实施意见', en: 'Inner Mongolia Opinions on Carbon Peaking and Neutrality',
  },
  'nm-energy-saving-13th': {
    file: '002_febbc5a45325318b.txt', zh: '内蒙古自治区“十三五”节能降碳综合工作方案', en: 'Inner Mongolia 13th Five-Year Energy-Saving and Carbon-Reduction Plan',
  },
  'nm-ecology-14th': {
    file: '003_f727c7bed9c47f2d.txt', zh: '内蒙古自治区“十四五”生态环境保护规划', en: 'Inner Mongolia 14th Five-Year Ecological-Environment Protection Plan',
  },
  'ordos-pollution-carbon': {
    file: '004_17cd5249a403e692.txt', zh: '鄂尔多斯市减污降碳协同增效实施方案', en: 'Ordos Plan for Reducing Pollution and Carbon in Synergy',
  },
} as const;
export type DocumentId = keyof typeof documents;

/** The document a citation points into, by its file name. */
export const documentOfFile = (file: string) => Object.values(documents).find((document) => document.file === file);

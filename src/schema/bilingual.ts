import { z } from './zod-mini.ts';

/**
 * A text in both interface languages. Every message, warning, note and name the atlas and the CLI show is one of
 * these, and the language is chosen when it is shown, so a note switches with the interface.
 */
export const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

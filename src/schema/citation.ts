import { z } from './zod-mini.ts';

/** A document id: the name of its text and metadata in seeds/ (seeds/<id>.txt, seeds/<id>.json). */
export const documentIdSchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'doc must be a document id such as nm-ecology-14th'));

/**
 * A pointer into one of the documents in seeds/: document id, the 1-based line the quote starts on (and endLine, the
 * line it ends on, when the text extraction wrapped it), and up to 60 characters copied verbatim. The quote is matched
 * with the extraction's line breaks ignored; `npm run seeds:check` fails on any mismatch.
 */
export const citationSchema = z
  .strictObject({
    doc: documentIdSchema,
    line: z.number().check(z.int(), z.positive()),
    endLine: z.optional(z.number().check(z.int(), z.positive())),
    quote: z.string().check(z.minLength(2), z.maxLength(60)),
  })
  .check(
    z.refine((citation) => citation.endLine === undefined || citation.endLine > citation.line, {
      message: 'endLine must come after line (leave it out when the quote is on one line)',
      path: ['endLine'],
    }),
  );
export type Citation = z.infer<typeof citationSchema>;

import { z } from './zod-mini.ts';
import { citationSchema, documentIdSchema } from './citation.ts';
import { zoneKindSchema } from './zone-kind.ts';
import { projectTypeSchema } from './project-type.ts';

const unknown = z.literal('unknown');
const text = z.string().check(z.minLength(1));
const textOrUnknown = z.union([text, unknown]);
const yearOrUnknown = z.union([z.number().check(z.int(), z.gte(1949), z.lte(2100)), unknown]);
const slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));
const words = z.object({ zh: text, en: text });
const valueOrUnknown = z.union([z.number(), unknown]);

export const comparatorSchema = z.enum([
  'at-least',
  'at-most',
  'reach',
  'not-decrease',
  'not-increase',
  'decrease-by',
  'increase-by',
  'complete',
  'reported',
]);

/** One quantitative target or baseline figure, as the document states it. */
export const targetSchema = z.object({
  id: slug,
  indicator: words,
  theme: z.enum(['energy', 'climate', 'air', 'water', 'soil', 'ecology', 'industry', 'transport', 'urban', 'waste', 'other']),
  unit: text,
  /** Where the figure applies; id is inner-mongolia, ordos, hinggan or another lower-case hyphenated place id. */
  scope: z.object({
    kind: z.enum(['region', 'league', 'city', 'basin', 'other']),
    id: slug,
    zh: text,
  }),
  /** The figure the target starts from; with its own citation when another sentence of the document states it. */
  baseline: z.optional(z.object({ value: valueOrUnknown, year: yearOrUnknown, citation: z.optional(citationSchema) })),
  /**
   * Set when the document writes the figure as a word or a class (百万千瓦级, 零增长, 减半, 零填埋, 翻一番) rather than a
   * number: the document's own words, and how the number in baseline or target reads them. Show the words; the number
   * is a reading, never a figure the document states.
   */
  written: z.optional(z.strictObject({ zh: text, reading: words })),
  target: z.optional(z.object({ value: valueOrUnknown, year: yearOrUnknown })),
  comparator: comparatorSchema,
  binding: z.enum(['binding', 'expected', 'unknown']),
  /** Id of the indicator table the figure is a row of, when it is one. */
  tableId: z.optional(z.string()),
  conflictsWith: z.optional(z.array(z.string())),
  note: z.optional(z.string()),
  citation: citationSchema,
});

/** One spatial rule a site reviewer can test. */
export const ruleSchema = z.object({
  id: slug,
  /**
   * Where the rule applies: one feature by id; every zone of a kind (for `region`, the region id: inner-mongolia,
   * ordos, hinggan...; for a distance rule, the buffer and river); or a zone no open or hand-drawn data can show
   * (permanent farmland, scenic areas...), said so with the reason, so screening lists it as not testable on the map.
   */
  zone: z.union([
    z.strictObject({ id: text }),
    z.strictObject({
      kind: zoneKindSchema,
      bufferKm: z.optional(z.number().check(z.positive())),
      river: z.optional(z.string()),
      region: z.optional(z.string()),
    }),
    z.strictObject({ unmapped: z.object({ zh: text, en: text, reason: text }) }),
  ]),
  projectTypes: z.array(projectTypeSchema).check(z.minLength(1)),
  verdict: z.enum(['prohibited', 'restricted', 'conditional', 'required-action']),
  summary: words,
  deadline: z.optional(textOrUnknown),
  exceptions: z._default(z.array(z.object({ projectType: projectTypeSchema, note: text })), []),
  citation: citationSchema,
});

/** An indicator table of the document: its title line and the line range its rows occupy. */
export const tableSchema = z.object({
  id: slug,
  title: words,
  startLine: z.number().check(z.int(), z.positive()),
  endLine: z.number().check(z.int(), z.positive()),
  rowCount: z.number().check(z.int(), z.positive()),
  /** A regular expression that matches exactly one line of each row between startLine and endLine: the table test
   * counts rows in the document itself with it (tests/unit/tables.test.ts requires it of every table). */
  rowPattern: z.optional(text),
  /** Whether the line rowPattern matches is the first line of its row (the default: a numbered row starts with its
   * number) or the last (a row that ends with its 约束性/预期性 attribute cell). A row runs from its matched line to the
   * line before the next match, or from the line after the previous match to its matched line. */
  rowAnchor: z.optional(z.enum(['first-line', 'last-line'])),
  citation: citationSchema,
});

export const seedSchema = z.object({
  id: documentIdSchema,
  /** The document's text in seeds/, as extracted (its line numbers are what citations give): <id>.txt. */
  file: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*\.txt$/, 'file must be the text beside the seed, <id>.txt')),
  /** The region id of the area the document governs (inner-mongolia, ordos, hinggan): its rules bind there only,
   * so that a league's "red lines strictly upheld" is not cited for a site in another league. */
  jurisdiction: z._default(slug, 'inner-mongolia'),
  document: z.object({
    title: words,
    /** What the atlas shows beside a citation. */
    shortTitle: words,
    /** The issuing body, as the document names it ("unknown" when the text does not). */
    issuer: textOrUnknown,
    /** The 文号 (document number), such as 内政发〔2017〕63号. */
    number: textOrUnknown,
    /** The date of issue, YYYY-MM-DD. */
    date: textOrUnknown,
    period: textOrUnknown,
  }),
  tables: z._default(z.array(tableSchema), []),
  targets: z.array(targetSchema),
  rules: z.array(ruleSchema),
});
export type Seed = z.infer<typeof seedSchema>;

/**
 * What screening reads of a seed: its rules, the document they cite and where it binds, not its targets and tables
 * (the ledger's). The screen command reads its seeds with this: parsing the five documents' targets too took twice
 * the time (22 against 7-10 ms, cold, as a run parses them once), on the path before any worker can start.
 */
export const screeningSeedSchema = z.pick(seedSchema, { id: true, file: true, jurisdiction: true, document: true, rules: true });
export type ScreeningSeed = z.infer<typeof screeningSeedSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Rule = z.infer<typeof ruleSchema>;

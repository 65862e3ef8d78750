import { z } from 'zod';
import { citationSchema, documentIdSchema } from './citation.ts';
import { zoneKindSchema } from './zone-kind.ts';
import { projectTypeSchema } from './project-type.ts';

const unknown = z.literal('unknown');
const textOrUnknown = z.union([z.string().min(1), unknown]);
const yearOrUnknown = z.union([z.number().int().min(1949).max(2100), unknown]);
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
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  indicator: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  theme: z.enum(['energy', 'climate', 'air', 'water', 'soil', 'ecology', 'industry', 'transport', 'urban', 'waste', 'other']),
  unit: z.string().min(1),
  /** Where the figure applies; id is inner-mongolia, ordos, hinggan or another lower-case hyphenated place id. */
  scope: z.object({
    kind: z.enum(['region', 'league', 'city', 'basin', 'other']),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    zh: z.string().min(1),
  }),
  /** The figure the target starts from; with its own citation when another sentence of the document states it. */
  baseline: z.object({ value: valueOrUnknown, year: yearOrUnknown, citation: z.optional(citationSchema) }).optional(),
  /**
   * Set when the document writes the figure as a word or a class (百万千瓦级, 零增长, 减半, 零填埋, 翻一番) rather than a
   * number: the document's own words, and how the number in baseline or target reads them. Show the words; the number
   * is a reading, never a figure the document states.
   */
  written: z
    .object({
      zh: z.string().min(1),
      reading: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    })
    .strict()
    .optional(),
  target: z.object({ value: valueOrUnknown, year: yearOrUnknown }).optional(),
  comparator: comparatorSchema,
  binding: z.enum(['binding', 'expected', 'unknown']),
  /** Id of the indicator table the figure is a row of, when it is one. */
  tableId: z.string().optional(),
  conflictsWith: z.array(z.string()).optional(),
  note: z.string().optional(),
  citation: citationSchema,
});

/** One spatial rule a site reviewer can test. */
export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /**
   * Where the rule applies: one feature by id; every zone of a kind (for `region`, the region id: inner-mongolia,
   * ordos, hinggan...; for a distance rule, the buffer and river); or a zone no open or hand-drawn data can show
   * (permanent farmland, scenic areas...), said so with the reason, so screening lists it as not testable on the map.
   */
  zone: z.union([
    z.object({ id: z.string().min(1) }).strict(),
    z
      .object({
        kind: zoneKindSchema,
        bufferKm: z.number().positive().optional(),
        river: z.string().optional(),
        region: z.string().optional(),
      })
      .strict(),
    z.object({ unmapped: z.object({ zh: z.string().min(1), en: z.string().min(1), reason: z.string().min(1) }) }).strict(),
  ]),
  projectTypes: z.array(projectTypeSchema).min(1),
  verdict: z.enum(['prohibited', 'restricted', 'conditional', 'required-action']),
  summary: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  deadline: textOrUnknown.optional(),
  exceptions: z.array(z.object({ projectType: projectTypeSchema, note: z.string().min(1) })).default([]),
  citation: citationSchema,
});

/** An indicator table of the document: its title line and the line range its rows occupy. */
export const tableSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  rowCount: z.number().int().positive(),
  /** A regular expression that matches exactly one line of each row between startLine and endLine: the table test
   * counts rows in the document itself with it (tests/unit/tables.test.ts requires it of every table). */
  rowPattern: z.string().min(1).optional(),
  /** Whether the line rowPattern matches is the first line of its row (the default: a numbered row starts with its
   * number) or the last (a row that ends with its 约束性/预期性 attribute cell). A row runs from its matched line to the
   * line before the next match, or from the line after the previous match to its matched line. */
  rowAnchor: z.enum(['first-line', 'last-line']).optional(),
  citation: citationSchema,
});

export const seedSchema = z.object({
  id: documentIdSchema,
  /** The document's text in seeds/, as extracted (its line numbers are what citations give): <id>.txt. */
  file: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.txt$/, 'file must be the text beside the seed, <id>.txt'),
  /** The region id of the area the document governs (inner-mongolia, ordos, hinggan): its rules bind there only,
   * so that a league's "red lines strictly upheld" is not cited for a site in another league. */
  jurisdiction: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .default('inner-mongolia'),
  document: z.object({
    title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    /** What the atlas shows beside a citation. */
    shortTitle: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    /** The issuing body, as the document names it ("unknown" when the text does not). */
    issuer: textOrUnknown,
    /** The 文号 (document number), such as 内政发〔2017〕63号. */
    number: textOrUnknown,
    /** The date of issue, YYYY-MM-DD. */
    date: textOrUnknown,
    period: textOrUnknown,
  }),
  tables: z.array(tableSchema).default([]),
  targets: z.array(targetSchema),
  rules: z.array(ruleSchema),
});
export type Seed = z.infer<typeof seedSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Rule = z.infer<typeof ruleSchema>;

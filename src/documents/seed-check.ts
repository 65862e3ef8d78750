import { seedSchema, type Rule, type Seed, type Target } from '../schema/seed.ts';
import type { Citation } from '../schema/citation.ts';
import type { DocumentText } from './document-text.ts';
import { locateQuote, occurrences, passageOf } from './passage.ts';
import { tableRows } from './table-rows.ts';

/** What the data offers for rules to name: feature ids, zone kinds, region ids, river-buffer widths. */
export interface ZoneCatalogue {
  ids: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  bufferKms: readonly number[];
}

/** One problem: the seed file, the entry (target, rule or table id and field) and what is wrong. */
export interface SeedProblem {
  file: string;
  entry: string;
  problem: string;
}

/** The figures a sentence writes in digits (full-width digits and thousands separators read as the documents mean them). */
export function figuresIn(sentence: string): number[] {
  const text = sentence
    .replace(/[０-９．]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  return [...text.matchAll(/\d+(\.\d+)?/g)].map((match) => Number(match[0]));
}

function citationProblems(citation: Citation, entry: string, text: DocumentText | undefined, seed: Seed): string[] {
  if (citation.doc !== seed.id) return [`${entry}: cites "${citation.doc}", not this document (${seed.id})`];
  if (!text) return [];
  const where = citation.endLine ? `lines ${citation.line}-${citation.endLine}` : `line ${citation.line}`;
  if (locateQuote(text, citation) === undefined) {
    const elsewhere = text.text.indexOf(citation.quote);
    return [
      `${entry}: the quote "${citation.quote}" is not at ${where}${elsewhere >= 0 ? ' (the words are elsewhere in the text: fix line and endLine)' : ''}`,
    ];
  }
  const problems: string[] = [];
  if ([...citation.quote].length <= 6)
    problems.push(`${entry}: the quote "${citation.quote}" is six characters or fewer: quote the phrase`);
  else if ([...citation.quote].length < 12 && occurrences(text, citation.quote) > 1) {
    problems.push(
      `${entry}: the quote "${citation.quote}" occurs ${occurrences(text, citation.quote)} times in the document: quote enough to tell`,
    );
  }
  return problems;
}

/** Each number of a target is in its cited sentence (a baseline in its own, when it has one), unless the target says
 * the document writes it in words (百万千瓦级, 零增长, 减半): then those words are in the sentence. */
function figureProblems(target: Target, entry: string, text: DocumentText): string[] {
  const sentence = (citation: Citation) => passageOf(text, citation)?.sentence;
  const cited = sentence(target.citation);
  if (cited === undefined) return [];
  if (target.written) {
    return cited.includes(target.written.zh) ? [] : [`${entry}: written "${target.written.zh}" is not in its cited sentence "${cited}"`];
  }
  const figures: [number | 'unknown' | undefined, string | undefined][] = [
    [target.baseline?.value, target.baseline?.citation ? sentence(target.baseline.citation) : cited],
    [target.target?.value, cited],
  ];
  return figures.flatMap(([value, where]) =>
    typeof value === 'number' && where !== undefined && !figuresIn(where).includes(value)
      ? [
          `${entry}: ${value} is not in its cited sentence "${where}" (cite the sentence that states it, or mark it written: { zh, reading })`,
        ]
      : [],
  );
}

function zoneProblems(rule: Rule, entry: string, zones: ZoneCatalogue): string[] {
  const zone = rule.zone;
  if ('id' in zone)
    return zones.ids.has(zone.id)
      ? []
      : [`${entry}: no zone "${zone.id}" in data/ (name an existing feature, or say unmapped with the reason)`];
  if ('unmapped' in zone) return [];
  const problems: string[] = [];
  if (!zones.kinds.has(zone.kind)) problems.push(`${entry}: no zone of kind "${zone.kind}" in data/`);
  if (zone.kind === 'region' && !zones.regions.has(zone.region ?? ''))
    problems.push(`${entry}: no region "${zone.region}" in data/admin-regions`);
  if (zone.kind === 'river-buffer' && !zones.bufferKms.includes(zone.bufferKm ?? Number.NaN)) {
    problems.push(`${entry}: no river buffer of ${zone.bufferKm} km in data/river-buffers/recipe.json`);
  }
  return problems;
}

/**
 * Every problem of one seed against its document text (`npm run seeds:check`): the schema, each citation's quote at
 * its lines, each target's figures in its cited sentence, table row counts, and each rule's zone in the data.
 * `text` is undefined when seeds/<file> is missing, which is itself a problem.
 */
export function checkSeed(file: string, json: unknown, text: DocumentText | undefined, zones: ZoneCatalogue): SeedProblem[] {
  const parsed = seedSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ file, entry: issue.path.join('.') || '(seed)', problem: issue.message }));
  }
  const seed = parsed.data;
  const problems: SeedProblem[] = [];
  const add = (entry: string, found: string[]) =>
    problems.push(...found.map((problem) => ({ file, entry, problem: problem.slice(entry.length + 2) })));
  if (!text) problems.push({ file, entry: 'file', problem: `the document text seeds/${seed.file} is missing` });
  if (`${seed.id}.json` !== file.replace(/^.*\//, ''))
    problems.push({ file, entry: 'id', problem: `id "${seed.id}" is not the file's name` });
  for (const target of seed.targets) {
    const entry = `targets ${target.id}`;
    add(entry, citationProblems(target.citation, entry, text, seed));
    if (target.baseline?.citation) add(`${entry} baseline`, citationProblems(target.baseline.citation, `${entry} baseline`, text, seed));
    if (text) add(entry, figureProblems(target, entry, text));
  }
  for (const rule of seed.rules) {
    const entry = `rules ${rule.id}`;
    add(entry, citationProblems(rule.citation, entry, text, seed));
    add(entry, zoneProblems(rule, entry, zones));
  }
  for (const table of seed.tables) {
    const entry = `tables ${table.id}`;
    add(entry, citationProblems(table.citation, entry, text, seed));
    const rows = text ? tableRows(table, text.lines).length : table.rowCount;
    if (rows !== table.rowCount)
      add(entry, [
        `${entry}: rowCount ${table.rowCount}, but rowPattern finds ${rows} rows between lines ${table.startLine} and ${table.endLine}`,
      ]);
  }
  return problems;
}

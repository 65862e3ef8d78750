import Papa from 'papaparse';
import type { Bilingual } from '../schema/bilingual.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { type Rule, type Seed, seedSchema } from '../schema/seed.ts';
import { decodeText } from '../site-input/text-decoding.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import type { ZoneProfile } from './profile.ts';

/** One row of an entry list: a unit, a project type, what the list makes that type there, and the clause's words. */
export interface Entry {
  code: string;
  projectTypes: ProjectType[];
  /** null: the list allows the type (允许), which no rule needs to say. */
  verdict: Rule['verdict'] | null;
  clause: string;
  /** The CSV row, counted as a spreadsheet does (the header is row 1). */
  row: number;
}

const verdictWords: [RegExp, Rule['verdict'] | null][] = [
  [/^(禁止|不予准入|prohibited)/i, 'prohibited'],
  [/^(限制|restricted)/i, 'restricted'],
  [/^(有条件|条件准入|conditional)/i, 'conditional'],
  [/^(允许|准入|allowed|clear)/i, null],
];

const everyType = /^(全部|所有|所有项目|all)$/i;

function typesOf(value: string): ProjectType[] | undefined {
  const text = value.trim();
  if (everyType.test(text)) return Object.keys(projectTypes) as ProjectType[];
  const found = (Object.entries(projectTypes) as [ProjectType, { zh: string; en: string }][]).find(
    ([id, names]) => id === text || names.zh === text || names.en.toLowerCase() === text.toLowerCase(),
  );
  return found ? [found[0]] : undefined;
}

const wrong = (file: string, row: number, problem: Bilingual) =>
  new SiteInputError({ en: `${file}, row ${row}: ${problem.en}`, zh: `${file}，第${row}行：${problem.zh}` });

/**
 * The rows of an entry list (生态环境准入清单) exported from a spreadsheet as CSV (UTF-8 or GBK), read by papaparse with
 * the columns the profile names. A row with an unknown project type or verdict stops the import with the row named.
 */
export function readEntryList(file: string, bytes: Uint8Array, columns: NonNullable<ZoneProfile['entryList']>): Entry[] {
  const parsed = Papa.parse<Record<string, string>>(decodeText(bytes, []), { header: true, skipEmptyLines: 'greedy' });
  const headers = parsed.meta.fields ?? [];
  const missing = Object.values(columns).filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    throw new SiteInputError({
      en: `the entry list ${file} has no column ${missing.map((name) => `"${name}"`).join(', ')} (its columns: ${headers.join(', ')}); correct the column names in the mapping`,
      zh: `准入清单${file}中没有列${missing.map((name) => `“${name}”`).join('、')}（现有列：${headers.join('、')}）；请在映射中更正列名`,
    });
  }
  return parsed.data.map((record, index) => {
    const row = index + 2;
    const cell = (column: string) => (record[column] ?? '').trim();
    const types = typesOf(cell(columns.projectType));
    if (!types) {
      throw wrong(file, row, {
        en: `"${cell(columns.projectType)}" is not a project type; write one of ${Object.keys(projectTypes).join(', ')}, its Chinese name (钢铁...), or 全部`,
        zh: `“${cell(columns.projectType)}”不是项目类型；请填写${Object.values(projectTypes)
          .map((type) => type.zh)
          .join('、')}之一，或“全部”`,
      });
    }
    const verdict = verdictWords.find(([pattern]) => pattern.test(cell(columns.verdict)));
    if (!verdict) {
      throw wrong(file, row, {
        en: `"${cell(columns.verdict)}" is not a verdict; write 禁止, 限制, 有条件 or 允许 (prohibited, restricted, conditional, allowed)`,
        zh: `“${cell(columns.verdict)}”不是准入结论；请填写禁止、限制、有条件或允许`,
      });
    }
    const clause = cell(columns.clause);
    if (clause.length < 2) throw wrong(file, row, { en: 'the clause is empty', zh: '条款内容为空' });
    return { code: cell(columns.code), projectTypes: types, verdict: verdict[1], clause, row };
  });
}

/**
 * The entry list as a document the screening engine reads like the five plans: one rule per row that restricts,
 * bound to the units of that code (zone ids from zoneIdOf), citing the list's file and row and the clause's first
 * 60 characters; the whole clause is the rule's summary. Codes that no unit of the layer has are returned.
 */
export function entryListSeed(
  file: string,
  sha256: string,
  entries: readonly Entry[],
  unitCodes: ReadonlySet<string>,
  zoneIdOf: (code: string) => string,
): { seed: Seed; unmatched: string[] } {
  const id = `entry-list-${sha256.slice(0, 12)}`;
  const unmatched = [...new Set(entries.filter((entry) => !unitCodes.has(entry.code)).map((entry) => entry.code))];
  const rules = entries
    .filter((entry) => entry.verdict !== null && unitCodes.has(entry.code))
    .map((entry) => ({
      id: `${id}-row-${entry.row}`,
      zone: { id: zoneIdOf(entry.code) },
      projectTypes: entry.projectTypes,
      verdict: entry.verdict,
      summary: {
        zh: `${entry.code}准入清单：${entry.clause}`,
        en: `entry list of unit ${entry.code}, row ${entry.row} (clause in Chinese): ${entry.clause}`,
      },
      exceptions: [],
      citation: { doc: id, line: entry.row, quote: entry.clause.slice(0, 60) },
    }));
  const seed = seedSchema.parse({
    id,
    file: `${id}.txt`,
    document: {
      title: { zh: `${file}（生态环境准入清单，用户提供）`, en: `${file} (entry list, user-supplied)` },
      shortTitle: { zh: file, en: file },
      issuer: 'unknown',
      number: 'unknown',
      date: 'unknown',
      period: 'unknown',
    },
    targets: [],
    rules,
  });
  return { seed, unmatched };
}

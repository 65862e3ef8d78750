import type { Bilingual } from '../schema/bilingual.ts';
import type { Report } from '../screening/report.ts';
import type { ReportLang } from './columns.ts';
import { csvHeader, csvLineAfterId, csvLineOfParts } from './csv.ts';
import { type DocumentTitles, documentTitle } from './document-title.ts';
import { rowOfReport } from './site-row.ts';

/** The report formats, for the atlas's exports and the CLI alike. */
export const reportFormats = ['jsonl', 'csv', 'geojson'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** One screened site: what to call it, its geometry, its report, and fields the caller adds (capacity). */
export interface ReportRecord {
  id: string;
  geometry: unknown;
  report: Report;
  extra?: Record<string, unknown>;
}

/** Why a run stopped partway, and where: written as the last line or member, so the output stays valid. */
export interface ReportFailure extends Bilingual {
  file?: string;
  row?: number;
}

/**
 * Writes a report in parts, so that the CLI can stream it: start, one part per site, then end or fail. Every
 * prefix ending in end() or fail() is a valid file of the format.
 */
export interface ReportWriter {
  start(): string;
  record(record: ReportRecord): string;
  end(): string;
  fail(failure: ReportFailure): string;
}

/** The report with the title of every document its hits cite, by document id (citations name documents by id). */
function titled(report: Report, titles: DocumentTitles): Report & { documents: Record<string, Bilingual> } {
  const documents: Record<string, Bilingual> = {};
  for (const hit of report.hits) if (hit.cite) documents[hit.cite.doc] = documentTitle(hit.cite, titles);
  return { ...report, documents };
}

const properties = ({ id, report, extra }: ReportRecord, titles: DocumentTitles) => ({ id, ...extra, ...titled(report, titles) });
const failureJson = (failure: ReportFailure) => JSON.stringify({ error: failure });

function jsonLinesWriter(titles: DocumentTitles): ReportWriter {
  return {
    start: () => '',
    record: (record) => `${JSON.stringify(properties(record, titles))}\n`,
    end: () => '',
    fail: (failure) => `${failureJson(failure)}\n`,
  };
}

/**
 * CSV rows in two parts, for a caller that writes many sites with one report (the CLI's points): the part after the
 * id, made once per report, and a site's row from its id and that part. The CSV writer's record() is the two together.
 */
export interface CsvRows {
  afterId(report: Report): string;
  row(id: string, afterId: string): string;
}

export const csvRows = (lang: ReportLang): CsvRows => ({
  afterId: (report) => csvLineAfterId(rowOfReport('', report), lang),
  row: csvLineOfParts,
});

function csvWriter(lang: ReportLang): ReportWriter {
  const rows = csvRows(lang);
  return {
    start: () => csvHeader(lang),
    record: ({ id, report }) => rows.row(id, rows.afterId(report)),
    end: () => '',
    // A CSV cannot carry the error without breaking its columns: the caller reports it on its own channel.
    fail: () => '',
  };
}

function geoJsonWriter(titles: DocumentTitles, continuing: boolean): ReportWriter {
  let first = !continuing;
  return {
    start: () => '{"type":"FeatureCollection","features":[\n',
    record: (record) => {
      const feature = JSON.stringify({ type: 'Feature', id: record.id, geometry: record.geometry, properties: properties(record, titles) });
      const separator = first ? '' : ',\n';
      first = false;
      return separator + feature;
    },
    end: () => '\n]}\n',
    // A foreign member of the collection (RFC 7946 §6.1): readers keep the features and may show the error.
    fail: (failure) => `\n],"error":${JSON.stringify(failure)}}\n`,
  };
}

/**
 * `lang` chooses the CSV's header labels and words (undefined: machine names and codes); `titles` name the cited
 * documents. `continuing`: the records follow records another writer wrote (the CLI's worker threads each write
 * batches of one file), so a GeoJSON writer separates even its first from what came before.
 */
export function reportWriter(format: ReportFormat, lang: ReportLang, titles: DocumentTitles, continuing = false): ReportWriter {
  return format === 'csv' ? csvWriter(lang) : format === 'geojson' ? geoJsonWriter(titles, continuing) : jsonLinesWriter(titles);
}

/** A whole report file of some sites, as the atlas exports it. */
export function reportText(format: ReportFormat, records: readonly ReportRecord[], lang: ReportLang, titles: DocumentTitles): string {
  const writer = reportWriter(format, lang, titles);
  return writer.start() + records.map((record) => writer.record(record)).join('') + writer.end();
}

export const reportMediaTypes: Record<ReportFormat, string> = {
  jsonl: 'application/jsonl',
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
};

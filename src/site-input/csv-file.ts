import Papa from 'papaparse';
import type { Position } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import { loadProjections } from './crs.ts';
import { CSV_MESSAGES, csvLayout } from './csv-columns.ts';
import { recordParts } from './record.ts';
import { type FileParts, rowAt, type SitePart } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';
import { shapeOfVertices } from './vertices.ts';

/**
 * A CSV (comma, tab or semicolon; quoted fields may hold delimiters and line breaks), split by papaparse, with
 * longitude and latitude columns or a WKT column found by header name (csv-columns.ts, as the streamed reader does).
 * Every row goes through the per-record checks, as in the CLI; here the rows make one site: longitude, latitude rows
 * are its vertices in order, WKT rows its parts. Rows with an empty geometry are skipped with a note.
 */
export async function readCsv(text: string): Promise<FileParts> {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) throw new SiteInputError(CSV_MESSAGES.unclosedQuote((broken.row ?? 0) + 1));
  const [header, ...rows] = parsed.data;
  if (!header) throw new SiteInputError(CSV_MESSAGES.noRows);
  const layout = csvLayout(header.map((name) => name.trim()));
  if (rows.length === 0) throw new SiteInputError(CSV_MESSAGES.headerOnly);
  const records = rows.map((fields) => layout.record(fields));
  // proj4 is needed only for an EWKT SRID (one other than 4326 and 4490 is undone by it).
  if (records.some((record) => record.kind === 'wkt' && /^\s*SRID\s*=/i.test(record.text))) await loadProjections();
  const notes: Bilingual[] = [];
  const empty: number[] = [];
  const parts: SitePart[] = records.flatMap((record, index) => {
    const found = recordParts(record, rowAt(index + 2, layout.columns));
    if (found.length === 0) empty.push(index + 2);
    return found;
  });
  if (empty.length > 0)
    notes.push({ en: `skipped empty geometries on rows ${empty.join(', ')}`, zh: `跳过了空几何：第${empty.join('、')}行` });
  if (records[0]?.kind === 'wkt') return { parts, notes };
  const positions = parts.map((part) => part.geometry.coordinates as Position);
  const geometry = shapeOfVertices(positions, false, notes);
  if (positions.length > 1) {
    notes.push({
      en: `the ${positions.length} rows were read as the vertices of one ${geometry.type}`,
      zh: `${positions.length}行已按一个${geometry.type}的顶点读取`,
    });
  }
  return { parts: [{ geometry, where: { en: 'the rows', zh: '各行' } }], notes };
}

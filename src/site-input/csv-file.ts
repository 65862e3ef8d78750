import type { Position } from 'geojson';
import { readAngles } from './angle.ts';
import { crsFromEpsg, toDegrees } from './crs.ts';
import { positionError, positionProblem } from './position-check.ts';
import { at, type FileParts, lineAt, type SitePart } from './site-input.ts';
import { type Message, SiteInputError } from './site-input-error.ts';
import { readCsvRecords, type CsvRecord } from './csv-records.ts';
import { shapeOfVertices } from './vertices.ts';
import { readWkt } from './wkt-geometry.ts';

/** Header names, compared without case, spaces and bracketed units ("经度(°)", "Longitude [deg]"). */
const COLUMNS = {
  longitude: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经'],
  latitude: ['lat', 'latitude', 'y', '纬度', '北纬'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'shape', '几何', '图形'],
};
const normalise = (header: string) => header.toLowerCase().replace(/[(（[【].*?[)）\]】]/g, '').replace(/\s/g, '');

function columnOf(headers: string[], names: string[]): number | undefined {
  const index = headers.findIndex((header) => names.includes(normalise(header)));
  return index < 0 ? undefined : index;
}

function wktParts(rows: CsvRecord[], column: number, header: string, notes: Message[]): SitePart[] {
  const empty: number[] = [];
  const parts = rows.flatMap(({ fields, line }) => {
    const where: Message = { en: `line ${line}, column ${header}`, zh: `第${line}行“${header}”列` };
    const { geometry, srid } = readWkt(fields[column] ?? '', where);
    if (!geometry) {
      empty.push(line);
      return [];
    }
    const part = { geometry, where: lineAt(line) };
    return srid === undefined ? [part] : toDegrees([part], crsFromEpsg(srid));
  });
  if (empty.length > 0) notes.push({ en: `skipped empty geometries on lines ${empty.join(', ')}`, zh: `跳过了空几何：第${empty.join(', ')}行` });
  return parts;
}

function angleIn(record: CsvRecord, column: number, header: string, axis: 'longitude' | 'latitude'): number {
  const cell = record.fields[column]?.trim() ?? '';
  const where: Message = { en: `line ${record.line}, column ${header}`, zh: `第${record.line}行“${header}”列` };
  const angles = cell ? readAngles(cell, where) : [];
  const [angle] = angles;
  if (!angle || angles.length > 1) {
    throw new SiteInputError(at(where, { en: `expected one ${axis} in degrees, got "${cell}"`, zh: `应为一个以度为单位的${axis === 'longitude' ? '经度' : '纬度'}，实为“${cell}”` }));
  }
  if (angle.axis && angle.axis !== axis) {
    throw new SiteInputError(at(where, { en: `"${cell}" is marked as a ${angle.axis}`, zh: `“${cell}”标注为${angle.axis === 'longitude' ? '经度' : '纬度'}` }));
  }
  return angle.degrees;
}

/**
 * Rows of longitude and latitude are the vertices of one site, in row order (as in pasted text); rows are checked
 * here, not later, so an error can name the row and both columns.
 */
function vertexParts(rows: CsvRecord[], columns: [number, number], headers: [string, string], notes: Message[]): SitePart[] {
  const positions = rows.map((record): Position => {
    const longitude = angleIn(record, columns[0], headers[0], 'longitude');
    const latitude = angleIn(record, columns[1], headers[1], 'latitude');
    const problem = positionProblem(longitude, latitude);
    if (problem) {
      throw positionError(problem, longitude, latitude, {
        en: `line ${record.line} (${headers[0]}, ${headers[1]})`, zh: `第${record.line}行（${headers[0]}、${headers[1]}）`,
      });
    }
    return [longitude, latitude];
  });
  const geometry = shapeOfVertices(positions, false, notes);
  if (positions.length > 1) {
    notes.push({ en: `the ${positions.length} rows were read as the vertices of one ${geometry.type}`, zh: `${positions.length}行已按一个${geometry.type}的顶点读取` });
  }
  return [{ geometry, where: { en: 'the rows', zh: '各行' } }];
}

/** A CSV (comma, tab or semicolon) with longitude and latitude columns, or a WKT column, found by header name. */
export function readCsv(text: string): FileParts {
  const [header, ...rows] = readCsvRecords(text);
  if (!header) throw new SiteInputError({ en: 'the CSV file has no rows', zh: 'CSV文件没有任何行' });
  const headers = header.fields.map((name) => name.trim());
  const notes: Message[] = [];
  if (rows.length === 0) throw new SiteInputError({ en: 'the CSV file has a header but no data rows', zh: 'CSV文件只有表头，没有数据行' });
  const wkt = columnOf(headers, COLUMNS.wkt);
  if (wkt !== undefined) return { parts: wktParts(rows, wkt, headers[wkt] ?? '', notes), notes };
  const longitude = columnOf(headers, COLUMNS.longitude);
  const latitude = columnOf(headers, COLUMNS.latitude);
  if (longitude === undefined || latitude === undefined) {
    throw new SiteInputError({
      en: `line ${header.line}: no longitude/latitude or WKT column among "${headers.join('", "')}"; name them lon/lng/longitude/x/经度 and lat/latitude/y/纬度, or WKT`,
      zh: `第${header.line}行：表头“${headers.join('”、“')}”中没有经纬度列或WKT列；请命名为lon/lng/longitude/x/经度和lat/latitude/y/纬度，或WKT`,
    });
  }
  const parts = vertexParts(rows, [longitude, latitude], [headers[longitude] ?? '', headers[latitude] ?? ''], notes);
  return { parts, notes };
}

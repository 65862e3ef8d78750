/**
 * The conformance cases: site files and texts, good and bad, that the CLI, window.atlas.screen and the atlas's upload
 * must all read the same way (the same geometry, the same report row, the same error message). Each case is one site,
 * so that the CLI's one row per record and the atlas's one site per file describe the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { writeIndexedFlatGeobuf } from '../../data/build/flatgeobuf-writer.ts';

export interface ConformanceCase {
  /** The file name the CLI and the upload are given (its extension chooses the reader where content does not). */
  name: string;
  bytes: Uint8Array;
  projectType: string;
  /** undefined: the site is read; otherwise words every reader's error message must hold. */
  refused?: RegExp;
}

const root = join(import.meta.dirname, '..', '..');
const text = (value: string) => new TextEncoder().encode(value);
const json = (value: unknown) => text(JSON.stringify(value));
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const square = (x: number, y: number, size: number) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];
/** A zipped shapefile from the GDAL-made fixtures (tests/fixtures/sites/README.md), as a user would upload it. */
const shapefileZip = (stem: string) =>
  zipSync(
    Object.fromEntries(
      ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((extension) => [
        `${stem}.${extension}`,
        new Uint8Array(readFileSync(join(root, 'tests', 'fixtures', 'sites', `${stem}.${extension}`))),
      ]),
    ),
  );

const kml = (coordinates: string) =>
  text(`<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>厂址</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon>
</Placemark></Document></kml>`);

export function conformanceCases(): ConformanceCase[] {
  const qipanjing = square(107.04, 39.54, 0.04);
  return [
    { name: 'point.csv', bytes: text('lon,lat\n111.7,40.8\n'), projectType: 'steel' },
    {
      name: 'bom-quoted.csv',
      bytes: text('\uFEFFid,name,lon,lat\r\nq,"Qipanjing, 棋盘井 ""plant""",107.1,39.5\r\n'),
      projectType: 'steel',
    },
    { name: 'chinese-headers.csv', bytes: text('编号,经度(°),纬度(°)\n1,107.1,39.5\n'), projectType: 'coking' },
    { name: 'tab.csv', bytes: text('id\tlon\tlat\nw\t113.9\t44.1\n'), projectType: 'wind' },
    { name: 'degrees-minutes.csv', bytes: text('lon,lat\n"107°06\'E","39°30\'N"\n'), projectType: 'steel' },
    {
      name: 'polygon.csv',
      bytes: text('id,wkt\nstraddling,"POLYGON ((107.113 39.318, 107.137 39.318, 107.137 39.342, 107.113 39.342, 107.113 39.318))"\n'),
      projectType: 'coking',
    },
    { name: 'ewkt.csv', bytes: text('id,wkt\ne,SRID=4490;POINT (109.5 40.5)\n'), projectType: 'wind' },
    {
      name: 'feature.geojson',
      bytes: json(collection(feature({ type: 'Polygon', coordinates: qipanjing }, { id: 'plant' }))),
      projectType: 'steel',
    },
    {
      name: 'line.geojson',
      bytes: json({
        type: 'LineString',
        coordinates: [
          [110.9, 40.6],
          [111.3, 40.6],
        ],
      }),
      projectType: 'coal-power',
    },
    {
      name: 'bow-tie.geojson',
      bytes: json(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [107.04, 39.54],
              [107.08, 39.58],
              [107.08, 39.54],
              [107.04, 39.58],
              [107.04, 39.54],
            ],
          ],
        }),
      ),
      projectType: 'steel',
    },
    {
      name: 'feature.geojsonl',
      bytes: text(`${JSON.stringify(feature({ type: 'Point', coordinates: [114.1, 44.1] }))}\n`),
      projectType: 'solar-pv',
    },
    {
      name: 'site.fgb',
      bytes: writeIndexedFlatGeobuf(
        collection(feature({ type: 'Polygon', coordinates: qipanjing }, { id: 'plant', name: '厂址' })) as never,
        { name: 'site' },
      ),
      projectType: 'cement',
    },
    { name: 'site.kml', bytes: kml('107.04,39.54,0 107.08,39.54,0 107.08,39.58,0 107.04,39.58,0 107.04,39.54,0'), projectType: 'steel' },
    { name: 'gbk-cm108.zip', bytes: shapefileZip('gk3-cm108'), projectType: 'wind' },
    { name: 'gk-zone36-prefixed.zip', bytes: shapefileZip('gk3-zone36-prefixed'), projectType: 'wind' },
    { name: 'swapped.csv', bytes: text('lon,lat\n39.5,109.2\n'), projectType: 'wind', refused: /latitude, longitude/ },
    { name: 'projected.csv', bytes: text('lon,lat\n500000,4400000\n'), projectType: 'wind', refused: /projected metres/ },
    { name: 'latitude-95.csv', bytes: text('lon,lat\n107.1,95\n'), projectType: 'steel', refused: /out of range/ },
    { name: 'unclosed-quote.csv', bytes: text('id,lon,lat\n"1,109,40\n'), projectType: 'steel', refused: /quoted field is never closed/ },
    { name: 'no-columns.csv', bytes: text('a,b\n1,2\n'), projectType: 'steel', refused: /no longitude\/latitude or WKT column/ },
    { name: 'bad-wkt.csv', bytes: text('id,wkt\n1,POLYGN ((1 2))\n'), projectType: 'steel', refused: /cannot read the WKT/ },
    {
      name: 'swapped.geojson',
      bytes: json(feature({ type: 'Polygon', coordinates: square(39.5, 109.2, 0.1) })),
      projectType: 'steel',
      refused: /latitude, longitude/,
    },
    {
      name: 'projected.geojson',
      bytes: json(feature({ type: 'Point', coordinates: [36500000, 4400000] })),
      projectType: 'steel',
      refused: /projected metres/,
    },
    { name: 'empty.geojson', bytes: json(collection()), projectType: 'steel', refused: /no features/ },
  ];
}

/** The problem a message names, without the place before it ("row 2 (lon, lat): …", "f.csv, feature 1: …"). */
export function problemOf(message: string): string {
  const match = /^(?:error: )?(?:[^,:]*, )?(?:(?:row|line|feature) \d+[^:]*|[^:]*\.\w+): (.*)$/s.exec(message.trim());
  return match ? (match[1] as string) : message.trim();
}

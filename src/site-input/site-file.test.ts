import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection } from 'geojson';
import { expect, test } from 'vitest';
import type { Bilingual } from '../schema/bilingual.ts';
import { SITE_LIMITS } from './limits.ts';
import { readSiteFile } from './site-file.ts';
import { SiteInputError } from './site-input-error.ts';

const english = (warnings: Bilingual[]) => warnings.map((warning) => warning.en);
const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = async (name: string, bytes: Uint8Array) => {
  const error = await readSiteFile(name, bytes).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SiteInputError);
  expect((error as SiteInputError).text.zh).not.toBe('');
  return (error as SiteInputError).text.en;
};

const square = (west: number, south: number, size = 0.1) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];
const feature = (geometry: object, properties: object = {}) => ({ type: 'Feature', properties, geometry });
const collection = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });

test('GeoJSON: a collection, a feature or a bare geometry', async () => {
  const two = await readSiteFile(
    'site.geojson',
    utf8(
      collection(
        feature({ type: 'Polygon', coordinates: [square(109, 39)] }),
        feature({ type: 'Polygon', coordinates: [square(109.5, 39)] }),
      ),
    ),
  );
  expect(two.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square(109, 39)], [square(109.5, 39)]] });
  expect(english(two.warnings)).toEqual(['2 features were combined into one site']);
  const one = await readSiteFile(
    'site.json',
    utf8(
      JSON.stringify(
        feature({
          type: 'LineString',
          coordinates: [
            [109, 39],
            [109.1, 39.1, 1020],
          ],
        }),
      ),
    ),
  );
  expect(one.geometry).toEqual({
    type: 'LineString',
    coordinates: [
      [109, 39],
      [109.1, 39.1],
    ],
  });
  const bare = await readSiteFile('point.txt', utf8('{"type":"Point","coordinates":[109.5,39.2]}'));
  expect(bare).toEqual({ geometry: { type: 'Point', coordinates: [109.5, 39.2] }, warnings: [] });
});

test('GeoJSON: mixed kinds keep the areas; empty features are skipped; all is said', async () => {
  const result = await readSiteFile(
    'site.geojson',
    utf8(
      collection(
        feature({
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', coordinates: [square(109, 39)] },
            { type: 'Point', coordinates: [109.05, 39.05] },
          ],
        }),
        feature(null as unknown as object),
      ),
    ),
  );
  expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [square(109, 39)] });
  expect(english(result.warnings)).toEqual([
    'skipped features without geometry: 2',
    "the site is taken from the file's polygons; left out 1 point(s)",
    '2 features were combined into one site',
  ]);
  expect(result.warnings[1]?.zh).toBe('场址取自文件中的面要素；未采用1个点');
});

test('GeoJSON in a CGCS2000 Gauss-Krüger crs is converted (PROJ reference, EPSG:4527)', async () => {
  const text = JSON.stringify({
    type: 'Feature',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4527' } },
    geometry: { type: 'Point', coordinates: [39702809.7935, 5489004.5615] },
    properties: {},
  });
  const [lon = 0, lat = 0] = ((await readSiteFile('gk.geojson', utf8(text))).geometry as { coordinates: number[] }).coordinates;
  expect(lon).toBeCloseTo(119.8, 9);
  expect(lat).toBeCloseTo(49.5, 9);
  expect(
    await refusal(
      'mercator.geojson',
      utf8(JSON.stringify({ ...JSON.parse(text), crs: { type: 'name', properties: { name: 'EPSG:3857' } } })),
    ),
  ).toMatch(/coordinate system EPSG:3857 is not supported/);
});

test('GeoJSON refusals name the place', async () => {
  expect(await refusal('empty.geojson', utf8(collection()))).toBe('the GeoJSON file has no features');
  expect(await refusal('bad.geojson', utf8('{\n  "type": "Feature",\n  "geometry": {"type": "Point" "coordinates": [1, 2]}\n}'))).toMatch(
    /^the GeoJSON is not valid JSON at line 3, column 32/,
  );
  expect(
    await refusal(
      'bad.geojson',
      utf8(
        collection(
          feature({ type: 'Point', coordinates: [109, 39] }),
          feature({
            type: 'LineString',
            coordinates: [
              [109, 39],
              ['109', 39],
            ],
          }),
        ),
      ),
    ),
  ).toBe('features[1].geometry.coordinates[1]: expected [longitude, latitude] numbers, got ["109",39]');
  expect(await refusal('bad.geojson', utf8(JSON.stringify(feature({ type: 'Circle', coordinates: [1, 2] }))))).toMatch(
    /^feature.geometry.type: expected Point, LineString, Polygon/,
  );
  expect(
    await refusal('swapped.geojson', utf8(collection(feature({ type: 'Point', coordinates: [39.2, 109.5] }, { name: '光伏场址' })))),
  ).toMatch(/^feature 1 \(光伏场址\), vertex 1: 39.2, 109.5 is not a valid longitude, latitude: it looks like latitude, longitude/);
  expect(await refusal('metres.geojson', utf8(collection(feature({ type: 'Point', coordinates: [37512345.678, 4412345.678] }))))).toMatch(
    /look like projected metres, not degrees; .*Gauss-Krüger option/,
  );
  expect(await refusal('far.geojson', utf8(collection(feature({ type: 'Point', coordinates: [109.5, 95] }))))).toBe(
    'feature 1, vertex 1: 109.5, 95 is out of range: longitude must be within -180..180 and latitude within -90..90',
  );
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
  <Document><!-- exported by a survey app -->
    <Placemark><name>风电场 &amp; 升压站</name>
      <MultiGeometry>
        <Polygon>
          <outerBoundaryIs><LinearRing><coordinates>
            109,39,0 109.1,39,0 109.1,39.1,0 109,39.1,0 109,39,0
          </coordinates></LinearRing></outerBoundaryIs>
          <innerBoundaryIs><LinearRing><coordinates>109.02,39.02 109.02,39.04 109.04,39.04 109.02,39.02</coordinates></LinearRing></innerBoundaryIs>
        </Polygon>
        <Point><coordinates>109.05, 39.05</coordinates></Point>
      </MultiGeometry>
    </Placemark>
    <Placemark><name><![CDATA[Label only]]></name><Style/></Placemark>
  </Document>
</kml>`;

test('KML: placemark polygons with holes; points dropped beside areas; empty placemarks noted', async () => {
  const result = await readSiteFile('site.kml', utf8(KML));
  expect(result.geometry).toEqual({
    type: 'Polygon',
    coordinates: [
      [
        [109, 39],
        [109.1, 39],
        [109.1, 39.1],
        [109, 39.1],
        [109, 39],
      ],
      [
        [109.02, 39.02],
        [109.02, 39.04],
        [109.04, 39.04],
        [109.02, 39.02],
      ],
    ],
  });
  expect(english(result.warnings)).toEqual([
    'skipped placemarks without a point, line or polygon: 2',
    "the site is taken from the file's polygons; left out 1 point(s)",
    '2 features were combined into one site',
  ]);
});

test('KML refusals name the line or the feature', async () => {
  expect(await refusal('site.kml', utf8(KML.replace('</MultiGeometry>', '')))).toMatch(
    /^the KML is not well-formed XML \(line 12: Opening and ending tag mismatch: "MultiGeometry" != "Placemark"\)/,
  );
  expect(await refusal('site.kml', utf8(KML.replace('</kml>', '')))).toMatch(
    /^the KML is not well-formed XML \(line 15: unclosed xml tag\(s\): kml\)/,
  );
  expect(await refusal('site.kml', utf8(KML.replace('109.1,39,0', '109.1;39')))).toBe(
    'KML <coordinates> element 1: "109.1;39" is not longitude,latitude[,altitude]',
  );
  expect(await refusal('site.kml', utf8(KML.replace('109.05, 39.05', '39.05, 109.05')))).toMatch(
    /^feature 1 \(风电场 & 升压站\), vertex 1: 39.05, 109.05 .*looks like latitude, longitude/,
  );
  expect(await refusal('site.kml', utf8('<kml><Document/></kml>'))).toBe('the KML has no Placemark with a Point, LineString or Polygon');
  expect(await refusal('track.gpx', utf8('<gpx><trk/></gpx>'))).toBe('the KML has no Placemark with a Point, LineString or Polygon');
});

test('CSV: longitude/latitude columns in English or Chinese, degrees or DMS, UTF-8 or GBK', async () => {
  const rows = await readSiteFile('points.csv', utf8('name,Longitude,Latitude\nA,109,39\nB,109.1,39\n"C, north",109.1,39.1\nA,109,39\n'));
  expect(rows.geometry).toEqual({
    type: 'Polygon',
    coordinates: [
      [
        [109, 39],
        [109.1, 39],
        [109.1, 39.1],
        [109, 39],
      ],
    ],
  });
  expect(english(rows.warnings)).toEqual(['the 4 rows were read as the vertices of one Polygon']);
  const chinese = await readSiteFile('界址点.csv', utf8('\uFEFF序号\t经度（°）\t纬度（°）\n1\t109°30\'15.5"\t39°12\'3"\n'));
  expect((chinese.geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(109.504305556, 9);
  // "经度,纬度" in GB 18030, as Excel on Chinese Windows saves CSV.
  const gbk = new Uint8Array([0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, ...utf8('109.5,39.2\n')]);
  const decoded = await readSiteFile('gbk.csv', gbk);
  expect(decoded.geometry).toEqual({ type: 'Point', coordinates: [109.5, 39.2] });
  expect(english(decoded.warnings)).toEqual(['the file is not UTF-8; it was read as GB 18030 (GBK)']);
});

test('CSV: a WKT column, with an EWKT SRID when given', async () => {
  const result = await readSiteFile(
    'sites.csv',
    utf8(
      'id;WKT\n1;"POLYGON ((109 39, 109.1 39, 109.1 39.1, 109 39))"\n2;MULTIPOINT EMPTY\n3;"SRID=4527;POINT (39702809.7935 5489004.5615)"\n',
    ),
  );
  expect(result.geometry).toEqual({
    type: 'Polygon',
    coordinates: [
      [
        [109, 39],
        [109.1, 39],
        [109.1, 39.1],
        [109, 39],
      ],
    ],
  });
  expect(english(result.warnings)).toEqual([
    'skipped empty geometries on rows 3',
    "the site is taken from the file's polygons; left out 1 point(s)",
    '2 features were combined into one site',
  ]);
});

test('CSV refusals name the row and columns', async () => {
  expect(await refusal('a.csv', utf8('name,east,north\nA,109,39\n'))).toMatch(
    /^row 1: no longitude\/latitude or WKT column among "name", "east", "north"/,
  );
  expect(await refusal('a.csv', utf8('lon,lat\n109,39\n109.1,abc\n'))).toMatch(/^row 3 \(lon, lat\): cannot read "abc"/);
  expect(await refusal('a.csv', utf8('lon,lat\n109,39\n109.1,\n'))).toBe('row 3 (lon, lat): expected one latitude in degrees, got ""');
  expect(await refusal('a.csv', utf8('lon,lat\n39.2,109.5\n'))).toMatch(
    /^row 2 \(lon, lat\): 39.2, 109.5 is not a valid longitude, latitude: it looks like latitude, longitude/,
  );
  expect(await refusal('a.csv', utf8('X,Y\n4412345.678,37512345.678\n'))).toMatch(
    /^row 2 \(X, Y\): 4412345.678, 37512345.678 look like projected metres/,
  );
  expect(await refusal('a.csv', utf8('id,wkt\n1,"POINT (109 39"\n'))).toMatch(
    /^row 2 \(wkt\): cannot read the WKT "POINT \(109 39" \(Expected group end\)/,
  );
  expect(await refusal('a.csv', utf8('id,wkt\n1,"POINT (109 39)\n'))).toBe('row 2: a quoted field is never closed');
  expect(await refusal('a.csv', utf8('lon,lat\n'))).toBe('the CSV file has a header but no data rows');
});

test('FlatGeobuf, in degrees or in the Gauss-Krüger system its header names', async () => {
  const degrees: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(109, 39)] } }],
  };
  expect((await readSiteFile('site.fgb', serialize(degrees))).geometry).toEqual({ type: 'Polygon', coordinates: [square(109, 39)] });
  const projected: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [39702809.7935, 5489004.5615] } }],
  };
  const [lon = 0, lat = 0] = ((await readSiteFile('gk.fgb', serialize(projected, 4527))).geometry as { coordinates: number[] }).coordinates;
  expect(lon).toBeCloseTo(119.8, 9);
  expect(lat).toBeCloseTo(49.5, 9);
  const whole = serialize(degrees);
  expect(await refusal('site.fgb', whole.slice(0, 40))).toBe('the FlatGeobuf file is damaged: it ends inside its header');
  expect(await refusal('site.fgb', whole.slice(0, whole.length - 3))).toBe('the FlatGeobuf file is damaged: feature 1 is cut short');
});

test('file-level refusals: empty, too large, unknown or mislabelled formats', async () => {
  expect(await refusal('site.geojson', new Uint8Array())).toBe('"site.geojson" is empty');
  expect(SITE_LIMITS.fileBytes).toBe(50 * 1024 * 1024);
  expect(await refusal('huge.geojson', new Uint8Array(SITE_LIMITS.fileBytes + 1))).toMatch(
    /^"huge.geojson" is 50.0 MB, over the 50.0 MB limit/,
  );
  expect(await refusal('site.zip', utf8('not a zip'))).toBe('"site.zip" is not a valid .zip file (its first bytes do not match)');
  expect(await refusal('scan.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x01, 0x02, 0x03]))).toMatch(
    /^"scan.pdf" is a binary file of an unsupported kind/,
  );
  expect(await refusal('notes.docx', utf8('hello'))).toMatch(/^cannot tell the format of "notes.docx"/);
});

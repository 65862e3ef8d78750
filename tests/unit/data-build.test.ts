import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/turf';
import { buildAll, outputRoot, staleFiles } from '../../data/build/build-data.ts';
import { validateFeatures } from '../../data/build/validate.ts';
import { propertiesSchema } from '../../layers/restricted-zones/properties.ts';
import { manifestSchema } from '../../src/schema/manifest.ts';

const output = buildAll();

describe('the data build', () => {
  test('public/data is up to date with data/ (run npm run build:data when this fails)', () => {
    expect(staleFiles(output)).toEqual([]);
  });

  test('the manifest says it is generated and describes every file', () => {
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(outputRoot, 'manifest.json'), 'utf8')));
    expect(manifest.generated).toMatch(/generated/i);
    for (const dataset of manifest.datasets) {
      expect(readFileSync(join(outputRoot, dataset.file)).byteLength, dataset.id).toBe(dataset.bytes);
    }
  });

  test.each(output.manifest.datasets.map((dataset) => [dataset.id, dataset] as const))(
    '%s has a spatial index: a bbox read returns exactly the features whose boxes meet it',
    async (_id, dataset) => {
      const bytes = new Uint8Array(readFileSync(join(outputRoot, dataset.file)));
      const [minX, minY, maxX, maxY] = dataset.bbox;
      const rect = {
        minX: (minX + maxX) / 2 - 0.5,
        minY: (minY + maxY) / 2 - 0.5,
        maxX: (minX + maxX) / 2 + 0.5,
        maxY: (minY + maxY) / 2 + 0.5,
      };
      const all: FeatureCollection['features'] = [];
      for await (const feature of deserialize(bytes)) all.push(feature as FeatureCollection['features'][number]);
      expect(all).toHaveLength(dataset.featureCount);
      const inRect: unknown[] = [];
      for await (const feature of deserialize(bytes, { rect })) inRect.push(feature);
      const expected = all.filter((feature) => {
        const [west, south, east, north] = bbox(feature);
        return west <= rect.maxX && east >= rect.minX && south <= rect.maxY && north >= rect.minY;
      });
      expect(inRect.length).toBe(expected.length);
    },
  );
});

describe('the data build refuses bad features, naming the file and the feature', () => {
  const good = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'data', 'restricted-zones', 'source.geojson'), 'utf8'),
  ) as FeatureCollection;
  const first = good.features[0]!;
  const bad = (change: (feature: typeof first) => void): FeatureCollection => {
    const feature = structuredClone(first);
    change(feature);
    return { type: 'FeatureCollection', features: [feature] };
  };
  const id = String(first.properties!['id']);

  test('a feature with no citation', () => {
    const problems = validateFeatures(
      'data/x/source.geojson',
      bad((f) => {
        f.properties!['citations'] = [];
      }),
      propertiesSchema,
    );
    expect(problems.join('\n')).toContain(`data/x/source.geojson: feature "${id}": citations`);
  });
  test('a self-crossing polygon', () => {
    const problems = validateFeatures(
      'data/x/source.geojson',
      bad((f) => {
        f.geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [110, 40],
              [111, 41],
              [111, 40],
              [110, 41],
              [110, 40],
            ],
          ],
        };
      }),
      propertiesSchema,
    );
    expect(problems.join('\n')).toContain(`feature "${id}": `);
    expect(problems.join('\n')).toContain('crosses itself at 1 point(s), first near [110.50000, 40.50000]');
  });
  test('coordinates that are not longitude/latitude', () => {
    const problems = validateFeatures(
      'data/x/source.geojson',
      bad((f) => {
        f.geometry = { type: 'Point', coordinates: [4_400_000, 600_000] };
      }),
      propertiesSchema,
    );
    expect(problems.join('\n')).toContain('is not a WGS-84 longitude/latitude');
  });
});

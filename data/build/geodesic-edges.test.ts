import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readCollections, readManifest } from '../../src/data/node-loader.ts';
import { geodesicGapMetres } from '../../src/geodesy/densify.ts';
import { edgeToleranceMetres, geodesicEdges, keepExtentParallels } from './geodesic-edges.ts';

const square = (west: number, south: number, side: number): Position[] => [
  [west, south],
  [west + side, south],
  [west + side, south + side],
  [west, south + side],
  [west, south],
];

describe('the tolerance an edge is densified to', () => {
  it('is a quarter of the reporting step of the feature, else of its layer', () => {
    expect(edgeToleranceMetres({ accuracy_km: 30 }, 1)).toBe(250);
    expect(edgeToleranceMetres({ accuracy_km: 3 }, 30)).toBe(25);
    expect(edgeToleranceMetres({ accuracy_km: 0.5 }, 30)).toBe(0.25);
    expect(edgeToleranceMetres({}, 5)).toBe(25);
    expect(edgeToleranceMetres(null, 20)).toBe(250);
  });

  it('follows the finest stretch of an edge whose accuracy varies', () => {
    const properties = { accuracy_km: 23, accuracy_km_elsewhere: 12, accuracy_stretches: [{ km: 23 }, { km: 2 }] };
    expect(edgeToleranceMetres(properties, 73)).toBe(25);
  });
});

describe('densifying a dataset', () => {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { accuracy_km: 3 }, geometry: { type: 'Polygon', coordinates: [square(110, 40, 3)] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [111, 41] } },
    ],
  };

  it('keeps the parallels of the extent, which are the cut of an extraction box, and densifies the rest', () => {
    const keep = keepExtentParallels(collection);
    expect(keep([110, 40], [113, 40])).toBe(true);
    expect(keep([113, 43], [110, 43])).toBe(true);
    expect(keep([110, 41], [113, 41])).toBe(false);
    expect(keep([110, 40], [113, 40.5])).toBe(false);
    const [polygon, point] = geodesicEdges(collection, 30).features;
    const ring = (polygon!.geometry as { coordinates: Position[][] }).coordinates[0]!;
    expect(ring.filter(([, latitude]) => latitude === 40 || latitude === 43)).toHaveLength(5);
    expect(ring).toEqual(square(110, 40, 3));
    expect(point).toEqual(collection.features[1]);
  });

  it('cuts an edge that is no side of the extent', () => {
    const tilted: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { accuracy_km: 3 },
          geometry: {
            type: 'LineString',
            coordinates: [
              [110, 40],
              [113, 42],
              [113, 45],
            ],
          },
        },
      ],
    };
    const line = (geodesicEdges(tilted, 30).features[0]!.geometry as { coordinates: Position[] }).coordinates;
    expect(line.length).toBeGreaterThan(3);
    for (let i = 1; i < line.length; i++)
      expect(geodesicGapMetres(line[i - 1]![0]!, line[i - 1]![1]!, line[i]![0]!, line[i]![1]!)).toBeLessThanOrEqual(25);
  });
});

describe('the served data', () => {
  it('has every edge within its tolerance of the geodesic, but for the parallels its extent was cut along', async () => {
    const collections = await readCollections();
    const layerKm = new Map(readManifest().datasets.map((dataset) => [dataset.id, dataset.provenance.accuracy.km]));
    const strays: string[] = [];
    let edges = 0;
    for (const [id, collection] of collections) {
      const keep = keepExtentParallels(collection);
      for (const feature of collection.features) {
        const tolerance = edgeToleranceMetres(feature.properties, layerKm.get(id)!);
        const geometry = feature.geometry;
        const paths: Position[][] =
          geometry?.type === 'Polygon' || geometry?.type === 'MultiLineString'
            ? geometry.coordinates
            : geometry?.type === 'MultiPolygon'
              ? geometry.coordinates.flat()
              : geometry?.type === 'LineString'
                ? [geometry.coordinates]
                : [];
        for (const path of paths) {
          for (let i = 1; i < path.length; i++) {
            const [from, to] = [path[i - 1]!, path[i]!];
            edges++;
            if (keep(from, to)) continue;
            const gap = geodesicGapMetres(from[0]!, from[1]!, to[0]!, to[1]!);
            if (gap > tolerance) strays.push(`${id} ${String(feature.properties?.['id'] ?? '')}: ${gap.toFixed(1)} m > ${tolerance} m`);
          }
        }
      }
    }
    expect(edges).toBeGreaterThan(50_000);
    expect(strays).toEqual([]);
  }, 60_000);
});

import { describe, expect, test } from 'vitest';
import type { AtlasState } from './state.ts';
import { coordinateDigits, decodeHash, encodeHash, restore } from './url-codec.ts';
import { decodeSite, encodeSite } from './site-codec.ts';
import { defaultLedgerView } from '../schema/ledger-view.ts';

const layer = (visible: boolean, opacity: number) => ({ visible, opacity, hiddenCategories: [], hiddenStatuses: [] });
const defaults: AtlasState = {
  view: { center: [111.6, 45.4], zoom: 4, bearing: 0, pitch: 0 },
  lang: 'zh',
  layers: { 'energy-bases': layer(true, 0.55), deserts: layer(true, 0.45), 'red-line-areas': layer(false, 0.35) },
  selection: null,
  panel: 'layers',
  site: null,
  projectType: null,
};
const layerIds = Object.keys(defaults.layers);

describe('the URL hash', () => {
  test('carries the ledger view: filters, selected row, table, sort and columns', () => {
    const ledger = {
      ...defaultLedgerView,
      place: 'hinggan',
      theme: 'energy',
      status: 'met' as const,
      row: 'od-renewable-capacity-2025',
      mode: 'table' as const,
      sort: '-status' as const,
      columns: ['indicator' as const, 'status' as const],
    };
    const hash = encodeHash({ ...defaults, panel: 'ledger', ledger }, defaults);
    expect(hash).toContain('led.place=hinggan');
    const restored = restore(defaults, decodeHash(hash, defaults), layerIds);
    expect(restored.notices).toEqual([]);
    expect(restored.state.ledger).toEqual(ledger);
    expect(restore(restored.state, decodeHash('#c=110,40&z=5', defaults), layerIds).state.ledger).toBeUndefined();
    const bad = decodeHash('#led.view=grid&led.place=hinggan', defaults);
    expect(bad.notices[0]).toMatch(/^ignored led\.\*: mode/);
    expect(bad.unknown).toEqual([]);
  });

  test('round-trips every part of the state, rounding coordinates to the zoom', () => {
    const state: AtlasState = {
      ...defaults,
      view: { center: [107.123456789, 39.987654321], zoom: 9.5, bearing: 12.5, pitch: 30 },
      lang: 'en',
      layers: {
        ...defaults.layers,
        deserts: { ...layer(false, 0.45), hiddenCategories: ['desert'] },
        'energy-bases': { ...layer(true, 0.8), hiddenStatuses: ['planned', 'unknown'] },
      },
      selection: { layer: 'deserts', id: 'kubuqi-desert' },
      panel: 'screening',
      site: {
        type: 'Polygon',
        coordinates: [
          [
            [107.1, 39.5],
            [107.2, 39.5],
            [107.2, 39.6],
            [107.1, 39.5],
          ],
        ],
      },
      projectType: 'steel',
    };
    const hash = encodeHash(state, defaults, { dataVersion: 'abc123def456', verdict: 'restricted' });
    expect(hash).not.toContain('red-line-areas');
    const decoded = decodeHash(hash, defaults);
    expect(decoded.notices).toEqual([]);
    expect(decoded.dataVersion).toBe('abc123def456');
    expect(decoded.verdict).toBe('restricted');
    const restored = restore(defaults, decoded, layerIds);
    expect(restored.notices).toEqual([]);
    expect(restored.state).toEqual({ ...state, view: { ...state.view, center: [107.1235, 39.9877] } });
  });

  test('keeps unknown keys and leaves defaults out', () => {
    const decoded = decodeHash('#c=110,40&z=5&lang=zh&future=1', defaults);
    expect(decoded.unknown).toEqual([['future', '1']]);
    const hash = encodeHash(restore(defaults, decoded, layerIds).state, defaults, { unknown: decoded.unknown });
    expect(hash).toBe('#c=110%2C40&z=5&lang=zh&future=1');
  });

  test('drops bad values with a notice and applies the rest', () => {
    const decoded = decodeHash('#c=999,40&z=6&lang=fr&L.nope=1&L.deserts=2&sel=deserts&type=casino&site=@@', defaults);
    const restored = restore(defaults, decoded, layerIds);
    expect(restored.state.view.zoom).toBe(6);
    expect(restored.state.lang).toBe('zh');
    expect(restored.notices.join('\n')).toMatch(/ignored c/);
    expect(restored.notices.join('\n')).toMatch(/ignored lang/);
    expect(restored.notices.join('\n')).toMatch(/ignored L.nope/);
    expect(restored.notices.join('\n')).toMatch(/ignored L.deserts/);
    expect(restored.notices.join('\n')).toMatch(/ignored sel/);
    expect(restored.notices.join('\n')).toMatch(/projectType/);
    expect(restored.notices.join('\n')).toMatch(/ignored site/);
  });

  test('a thousand random and truncated hashes never throw', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const full = encodeHash({ ...defaults, site: { type: 'Point', coordinates: [109, 40] }, projectType: 'cement' }, defaults);
    const alphabet = 'abcz=&,.%/#L-_0123456789éé漢';
    for (let i = 0; i < 1000; i += 1) {
      const hash =
        i % 2 === 0
          ? full.slice(0, Math.floor(random() * full.length))
          : Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(() => restore(defaults, decodeHash(hash, defaults), layerIds)).not.toThrow();
    }
  });

  test('coordinate digits grow with the zoom', () => {
    expect(coordinateDigits(4)).toBe(3);
    expect(coordinateDigits(12)).toBe(5);
  });
});

describe('the site codec', () => {
  test('round-trips every geometry type to 1e-6 degrees', () => {
    const geometries = [
      { type: 'Point', coordinates: [109.1234567, 39.7654321] },
      {
        type: 'LineString',
        coordinates: [
          [109, 39],
          [109.5, 39.25],
        ],
      },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [100, 40],
              [101, 40],
              [101, 41],
              [100, 40],
            ],
          ],
          [
            [
              [102, 42],
              [103, 42],
              [103, 43],
              [102, 42],
            ],
          ],
        ],
      },
    ] as const;
    for (const geometry of geometries) {
      const back = decodeSite(encodeSite(structuredClone(geometry) as never));
      expect(JSON.stringify(back)).toBe(JSON.stringify(geometry).replace('109.1234567', '109.123457').replace('39.7654321', '39.765432'));
    }
  });

  test('refuses garbled values with a reason', () => {
    expect(() => decodeSite('!!')).toThrow('not base64url');
    expect(() => decodeSite(encodeSite({ type: 'Point', coordinates: [1, 2] }).slice(0, 3))).toThrow('site:');
  });
});

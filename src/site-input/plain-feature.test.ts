import { describe, expect, it } from 'vitest';
import { seededRandom } from '../screening/seeded-random.ts';
import { plainFeature } from './plain-feature.ts';

/** What plainFeature reads of a text, without where it ends. */
function read(text: string, from?: number, to?: number) {
  const feature = plainFeature(text, from, to);
  return feature && { id: feature.id, x: feature.x, y: feature.y };
}

/** What JSON.parse and the object reader (stream.ts featureRecord, idOf, plainGeometryPoint) make of a text. */
function oracle(text: string): { id: string | undefined; x: number; y: number } | 'not json' | 'not a plain point' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not json';
  }
  const object = (value ?? {}) as Record<string, unknown>;
  const feature = object['type'] === 'Feature';
  const geometry = (feature ? object['geometry'] : object) as { type?: unknown; coordinates?: unknown } | null;
  const coordinates = geometry?.coordinates;
  if (geometry?.type !== 'Point' || !Array.isArray(coordinates) || coordinates.length !== 2) return 'not a plain point';
  const [x, y] = coordinates as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number') return 'not a plain point';
  if (!feature) return { id: undefined, x, y };
  const properties = (object['properties'] ?? {}) as Record<string, unknown>;
  const id = object['id'] ?? properties['id'];
  return { id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined, x, y };
}

/** Whether plainFeature reads the text; when it does, it must read what JSON.parse does, to the last bit. */
function readAsJsonParse(text: string): boolean {
  const result = plainFeature(text);
  if (result === undefined) return false;
  const expected = oracle(text);
  expect(typeof expected, text).toBe('object');
  const { x, y, id } = expected as { x: number; y: number; id: string | undefined };
  expect([Object.is(result.x, x), Object.is(result.y, y), result.id], text).toEqual([true, true, id]);
  return true;
}

const point = (extra = '', properties = '{"id":"a"}') =>
  `{"type":"Feature"${extra},"properties":${properties},"geometry":{"type":"Point","coordinates":[109.5,40.25]}}`;

describe('plain point features read without JSON.parse', () => {
  const texts = [
    point(),
    point(',"id":7'),
    point(',"id":1e21'),
    point(',"id":null'),
    point(',"id":true'),
    point(',"id":{"a":1}'),
    point('', 'null'),
    point('', '"text"'),
    point('', '[1,2]'),
    point('', '{"id":"x","id":"y","nested":{"deep":[1,{"id":"no"}]},"s":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"}'),
    point('', '{"id":"\\u0041"}'),
    point('', '{"id":-0.5e-3}'),
    point(',"geometry":null'),
    `{"geometry":{"coordinates":[1,2],"type":"Point"},"type":"Feature","geometry":{"type":"Point","coordinates":[3,4]}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[1e2,40]}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[109,40,5]}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[[109,40]]}}`,
    `{"type":"Feature","geometry":{"type":"LineString","coordinates":[[109,40],[110,41]]}}`,
    `{"type":"Point","coordinates":[-0,0],"id":"ignored"}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[109.12345678901234567,-0.000000000000000000000001]}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[12345678901234567890,0.1]}}`,
    ` \t{"type" : "Feature" , "geometry" : { "type" : "Point" , "coordinates" : [ 109 , 40 ] } }\r\n`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[109,40]}} x`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[109,40],}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[01,40]}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[+1,40]}}`,
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[1.,40]}}`,
    `{"type":"Feature","properties":{"a":"tab\there"},"geometry":{"type":"Point","coordinates":[1,40]}}`,
    `{"type":"Feature","properties":{"a":"\\x"},"geometry":{"type":"Point","coordinates":[1,40]}}`,
    `{"type":"Feature","properties":{"a":tru},"geometry":{"type":"Point","coordinates":[1,40]}}`,
    `{"type":"Fea\\u0074ure","geometry":{"type":"Point","coordinates":[1,40]}}`,
    `{type:"Feature","geometry":{"type":"Point","coordinates":[1,40]}}`,
    `\uFEFF${point()}`,
    `[${point()}]`,
    `{"type":"Feature","properties":${'['.repeat(100)}${']'.repeat(100)},"geometry":{"type":"Point","coordinates":[1,40]}}`,
  ];

  it('reads each text as JSON.parse and the object reader do, or leaves it to them', () => {
    for (const text of texts) {
      const read = plainFeature(text);
      const expected = oracle(text);
      // Left to JSON.parse is always right; read here, it must agree with it exactly.
      if (read === undefined) continue;
      expect(typeof expected, text).toBe('object');
      expect(Object.is(read.x, (expected as { x: number }).x) && Object.is(read.y, (expected as { y: number }).y), text).toBe(true);
      expect(read.id, text).toBe((expected as { id: string | undefined }).id);
    }
  });

  it('reads a range of a longer text as the same text alone, and never past the range', () => {
    for (const text of texts) {
      const around = `{"a":[${text}]}${text}`;
      const from = 6;
      expect(read(around, from, from + text.length), text).toEqual(read(text));
      if (read(text)) expect(plainFeature(around, from, from + text.length)?.end).toBe(from + text.trimEnd().length);
      // A point cut short anywhere, with the rest of it just past the range: never read as one.
      if (plainFeature(text) === undefined) continue;
      for (let to = from; to < from + text.trimEnd().length; to++)
        expect(plainFeature(around, from, to), `${text} to ${to}`).toBeUndefined();
    }
  });

  it('reads the plain shapes itself: features with ids of either kind, repeated members, a bare Point', () => {
    const results = texts.map((text) => read(text));
    expect(results.filter((result) => result !== undefined).length).toBeGreaterThanOrEqual(14);
    expect(results[0]).toEqual({ id: 'a', x: 109.5, y: 40.25 });
    expect(results[1]?.id).toBe('7');
    expect(results[2]?.id).toBe('1e+21');
    expect(results[3]?.id).toBe('a');
    expect(results[9]?.id).toBe('y');
    expect(results[13]).toEqual({ id: undefined, x: 3, y: 4 });
    expect(results[18]).toEqual({ id: undefined, x: -0, y: 0 });
    expect(results[19]).toEqual({ id: undefined, x: Number('109.12345678901234567'), y: -1e-24 });
  });

  it('never accepts a text JSON.parse refuses, nor reads one differently, however it is cut or garbled', () => {
    const random = seededRandom(4242);
    const alphabet = '{}[]",:.-+0123456789eE \\tnulrfasxu';
    let read = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = texts[n % texts.length] as string;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * (text.length + 1));
        const choice = random();
        if (choice < 0.4) text = text.slice(0, at) + text.slice(at + 1);
        else if (choice < 0.8) text = text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at, at + 5) + text.slice(at);
      }
      if (readAsJsonParse(text)) read++;
    }
    expect(read).toBeGreaterThan(500);
  });

  it('reads a text laid out as the one before it as JSON.parse does, whatever its id and coordinates hold', () => {
    // The text before sets the layout a text is first compared with (plain-feature.ts Skeleton): each garbled copy of
    // a text is read just after the text itself, here in its id and coordinates and anywhere else. The text is read
    // twice, so that the skeleton is never at rest (it rests after 8 features in a row that it did not read).
    const bases = texts.filter((text) => plainFeature(text) !== undefined);
    const random = seededRandom(2718);
    const values = [
      '"p1"',
      '""',
      '"\\u0041"',
      '"a\tb"',
      '"中文"',
      '7',
      '-0',
      '1e21',
      '-1.5E-3',
      '109.25',
      '109.12345678901234567',
      '-0.000',
      '00',
      '1.',
      'null',
      '{}',
    ];
    let read = 0;
    for (let n = 0; n < 20_000; n++) {
      const base = bases[n % bases.length] as string;
      plainFeature(base);
      plainFeature(base);
      // The ids' values and the numbers before a comma or a bracket (coordinates among them), from the last.
      const spots = [...base.matchAll(/"id":("[^"]*"|[-\d.e+]+)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?=[,\]])/g)].reverse();
      let text = base;
      for (const spot of spots) {
        if (random() < 0.5) continue;
        const value = values[Math.floor(random() * values.length)] as string;
        const to = spot.index + spot[0].length;
        text = text.slice(0, to - (spot[1] ?? spot[0]).length) + value + text.slice(to);
      }
      if (random() < 0.2) {
        const at = Math.floor(random() * (text.length + 1));
        text = text.slice(0, at) + ' ,"}'[Math.floor(random() * 4)] + text.slice(at);
      }
      if (readAsJsonParse(text)) read++;
    }
    expect(read).toBeGreaterThan(3000);
  });
});

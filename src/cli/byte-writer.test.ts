import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-writer.ts';
import { seededRandom } from '../screening/seeded-random.ts';

describe('the report byte writer', () => {
  it('writes every number as String writes it, whole numbers digit by digit and others through String', () => {
    const random = seededRandom(11);
    const values = [0, -0, 7, 9, 10, 37, 99, 100, 101, 999_999_999, 1e9, 1e9 + 1, 2 ** 53, 4.2, 0.35, 12.5, 0.001, 1e21, -3, Number.NaN];
    for (let n = 0; n < 2000; n++) values.push(Math.floor(random() * 10 ** Math.floor(random() * 10)), Math.round(random() * 1e5) / 1000);
    for (const value of values) {
      const out = new ByteWriter(new ArrayBuffer(4));
      out.number(value);
      expect(new TextDecoder().decode(out.written())).toBe(String(value));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { IdWriter, idText, idsSlice } from './packed-ids.ts';

describe('packed ids', () => {
  it('keep ASCII, Chinese and mixed ids as their UTF-8, whether written as text or copied as bytes', () => {
    const ids = ['p1', '项目一', 'site-7 东', '', 'a"b,c', '😀x', 'x'.repeat(300)];
    const writer = new IdWriter();
    const encoded = new TextEncoder().encode('raw-9');
    for (const id of ids) writer.text(id);
    writer.copy(encoded, 0, encoded.length);
    const packed = writer.done();
    const all = [...ids, 'raw-9'];
    expect(all.map((_, n) => idText(packed, n))).toEqual(all);
    expect(Array.from(packed.bytes)).toEqual(Array.from(new TextEncoder().encode(all.join(''))));
    const slice = idsSlice(packed, 1, 3);
    expect([idText(slice, 0), idText(slice, 1)]).toEqual(['项目一', 'site-7 东']);
  });
});

import type { Bilingual } from '../schema/bilingual.ts';

/** A string that reads as garbled, what it likely is, and which encoding would read it right. */
export interface Garbled {
  attribute: string;
  value: string;
  encoding: 'gbk' | 'utf-8';
  text: Bilingual;
}

let gbkBytes: Map<string, number> | undefined;

/**
 * Every two-byte GBK character and its bytes, built once by decoding each pair (TextDecoder decodes GBK but no
 * browser API encodes it), so that text read as GBK can be turned back into the bytes it was read from.
 */
function gbkTable(): Map<string, number> {
  if (gbkBytes) return gbkBytes;
  const decoder = new TextDecoder('gbk');
  // GBK as browsers decode it (WHATWG) reads the single byte 0x80 as the euro sign.
  const table = new Map<string, number>([['\u20ac', 0x80]]);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(new Uint8Array([lead, trail]));
      if (character.length === 1 && character !== '\ufffd' && !table.has(character)) table.set(character, (lead << 8) | trail);
    }
  }
  gbkBytes = table;
  return table;
}

/** The bytes GBK would write for the text, or undefined when a character has none. */
function gbkEncode(text: string): Uint8Array | undefined {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(character);
    if (pair === undefined) return undefined;
    if (pair > 0xff) bytes.push(pair >> 8, pair & 0xff);
    else bytes.push(pair);
  }
  return new Uint8Array(bytes);
}

const strictly = (encoding: string, bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/**
 * Whether a value reads as mojibake, and the encoding that reads it right: UTF-8 read as GBK (鍚嶇О for 名称: its
 * GBK bytes are valid UTF-8 holding Chinese), GBK read as Latin-1 or another single-byte code page (ÄÚÃÉ¹Å for
 * 内蒙古: its bytes are valid GBK holding Chinese), or replacement characters (GBK read as UTF-8, bytes lost).
 */
export function garbledEncoding(value: string): 'gbk' | 'utf-8' | undefined {
  if ([...value].every((character) => (character.codePointAt(0) as number) < 0x80)) return undefined;
  if ([...value].every((character) => (character.codePointAt(0) as number) <= 0xff)) {
    const decoded = strictly(
      'gbk',
      Uint8Array.from([...value], (character) => character.codePointAt(0) as number),
    );
    return decoded !== undefined && hasHan(decoded) ? 'gbk' : undefined;
  }
  // UTF-8 read as GBK: a character cut short at the end of the field reads as a replacement character, dropped here.
  const bytes = gbkEncode(value.replaceAll('\ufffd', ''));
  if (bytes?.some((byte) => byte >= 0x80)) {
    for (let cut = 0; cut <= 2 && cut < bytes.length; cut++) {
      const decoded = strictly('utf-8', bytes.subarray(0, bytes.length - cut));
      if (decoded !== undefined) return hasHan(decoded) ? 'utf-8' : undefined;
    }
  }
  return value.includes('\ufffd') ? 'gbk' : undefined;
}

/** The first garbled string value among the first features' attributes, with a message offering the right encoding. */
export function findGarbled(records: readonly Record<string, unknown>[], sample = 200): Garbled | undefined {
  for (const record of records.slice(0, sample)) {
    for (const [attribute, value] of Object.entries(record)) {
      if (typeof value !== 'string') continue;
      const encoding = garbledEncoding(value);
      if (!encoding) continue;
      const name = encoding === 'gbk' ? 'GBK' : 'UTF-8';
      return {
        attribute,
        value,
        encoding,
        text: {
          en: `the attribute table reads garbled ("${value.slice(0, 20)}" in ${attribute}): it is probably ${name}; import it again with the encoding set to ${name} (in the CLI: "encoding": "${encoding}" in the profile), or add a .cpg file naming ${name}`,
          zh: `属性表显示为乱码（${attribute}中的“${value.slice(0, 20)}”），可能是${name}编码；请将编码设为${name}后重新导入（命令行：在映射文件中写"encoding": "${encoding}"），或添加注明${name}的.cpg文件`,
        },
      };
    }
  }
  return undefined;
}

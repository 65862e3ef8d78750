import type { Bilingual } from '../schema/bilingual.ts';

/**
 * Text files from Chinese offices are UTF-8, UTF-16 (Excel's "Unicode text") or GB 18030/GBK (Excel's default CSV
 * on Chinese Windows). UTF-8 is tried strictly first, since GBK bytes are rarely valid UTF-8.
 */
export function decodeText(bytes: Uint8Array, notes: Bilingual[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notes.push({ en: 'the file is not UTF-8; it was read as GB 18030 (GBK)', zh: '文件不是UTF-8编码，已按GB 18030（GBK）读取' });
    return new TextDecoder('gb18030').decode(bytes);
  }
}

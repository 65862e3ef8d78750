import { SiteInputError } from './site-input-error.ts';

export interface ZipEntry {
  name: string;
  /** The uncompressed size the directory declares, to refuse zip bombs before inflating. */
  size: number;
  read(): Promise<Uint8Array>;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const broken = (en: string, zh: string) => new SiteInputError({ en: `the zip archive is damaged: ${en}`, zh: `zip压缩包已损坏：${zh}` });

/** Raw DEFLATE (RFC 1951) through the platform's DecompressionStream: browsers since 2023 and Node 18+. */
async function inflate(data: Uint8Array, name: string): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new SiteInputError({
      en: 'this browser cannot unzip files; use a current browser, or upload GeoJSON or KML',
      zh: '此浏览器无法解压文件；请使用较新的浏览器，或上传GeoJSON或KML',
    });
  }
  try {
    const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw broken(`${name} cannot be decompressed`, `${name}无法解压`);
  }
}

/**
 * The entries of a zip archive (APPNOTE 6.3), read from its central directory, which is authoritative; stored and
 * deflated entries only. ZIP64 is not needed below the 50 MB upload limit.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65 535 bytes, so search backwards from the end.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) { end = offset; break; }
  }
  if (end < 0) throw broken('its central directory is missing (is the file truncated?)', '缺少中央目录（文件是否不完整？）');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY) {
      throw broken(`central directory entry ${index + 1} is missing`, `中央目录第${index + 1}项缺失`);
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const skip = nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + skip;
    entries.push({
      name,
      size,
      read: async () => {
        if (flags & 1) throw new SiteInputError({ en: `${name} is encrypted`, zh: `${name}已加密` });
        if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) {
          throw broken(`the header of ${name} is missing`, `${name}的文件头缺失`);
        }
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        if (start + compressedSize > bytes.length) throw broken(`${name} is cut short`, `${name}不完整`);
        const data = bytes.subarray(start, start + compressedSize);
        if (method === 0) return data;
        if (method === 8) return inflate(data, name);
        throw new SiteInputError({
          en: `${name} uses zip compression method ${method}; only stored and deflated entries can be read`,
          zh: `${name}使用了第${method}种压缩方法，仅支持不压缩或deflate压缩`,
        });
      },
    });
  }
  return entries;
}

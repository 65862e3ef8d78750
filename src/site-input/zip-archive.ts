import { Unzip, UnzipInflate } from 'fflate';
import { megabytes, SITE_LIMITS } from './limits.ts';
import { SiteInputError } from './site-input-error.ts';

/**
 * The archive is fed to fflate in slices this size, so inflation is counted as it happens: deflate expands at most
 * about 1,032 times, so one slice can overshoot the cap by at most 16 MB before it is stopped.
 */
const SLICE_BYTES = 16 * 1024;

export interface ZipContents {
  /** The wanted entries, inflated, by their path in the archive. */
  entries: Map<string, Uint8Array>;
  /** Every path in the archive, for messages that list what was found. */
  names: string[];
}

const joined = (chunks: Uint8Array[]) => {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
};

/**
 * The entries of a zip (a zipped shapefile, a KMZ) that `wanted` picks, read with fflate. Their inflated bytes are
 * counted as they come out, never taken from the sizes the archive declares: past `cap` bytes in all (by default
 * SITE_LIMITS.inflatedBytes), inflation stops and the archive is refused, so a zip bomb costs at most the cap.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, cap = SITE_LIMITS.inflatedBytes): ZipContents {
  const chunksOf = new Map<string, Uint8Array[]>();
  const names: string[] = [];
  let inflated = 0;
  let refusal: SiteInputError | undefined;
  const unzip = new Unzip((file) => {
    names.push(file.name);
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    chunksOf.set(file.name, chunks);
    file.ondata = (error, data) => {
      if (refusal) return;
      if (error) {
        refusal = damaged(`${file.name}: ${error.message}`);
        return;
      }
      inflated += data.length;
      if (inflated > cap) {
        refusal = new SiteInputError({
          en: `the zip unpacks to more than ${megabytes(cap)} MB (stopped while unpacking ${file.name}); a site needs far less: zip only the site's files`,
          zh: `压缩包解压后超过${megabytes(cap)} MB（解压${file.name}时已停止）；场址无需这么大，请只打包场址的文件`,
        });
        file.terminate();
        return;
      }
      chunks.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += SLICE_BYTES) {
      unzip.push(bytes.subarray(offset, offset + SLICE_BYTES), offset + SLICE_BYTES >= bytes.length);
    }
  } catch (error) {
    refusal ??= damaged(error instanceof Error ? error.message : String(error));
  }
  if (refusal) throw refusal;
  return { entries: new Map([...chunksOf].map(([name, chunks]) => [name, joined(chunks)])), names };
}

function damaged(reason: string): SiteInputError {
  return new SiteInputError({
    en: `the zip archive is damaged or uses an unsupported compression (${reason}); zip it again with the usual "deflate" method`,
    zh: `zip压缩包已损坏或使用了不支持的压缩方式（${reason}）；请用常规的deflate方式重新压缩`,
  });
}

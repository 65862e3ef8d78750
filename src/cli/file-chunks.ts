import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes a chunk holds (the last of a file fewer). */
const chunkBytes = 1 << 16;

/**
 * A file in 64 KiB chunks, as the screen command and its benchmark floor read it: the records of a 1 MiB chunk (some
 * 36,000 CSV rows, their lines and fields) lived long enough to be promoted to the old generation, and a million points
 * then peaked over 430 MiB instead of about 320; reading alone, 1M CSV rows peaked at 254 MiB with 1 MiB chunks and
 * 90 MiB with 64 KiB ones. Read with plain reads, a chunk at a time as the reader asks: a read stream's buffering
 * and events cost 56-85 ms of CPU on a 27 MiB file against 38-44 ms (four alternate passes), on the command's
 * thread, which also writes every row. A new array per chunk, as the readers may keep one's end until the next
 * arrives; a plain Uint8Array, not a Buffer, whose indexOf (the CSV reader's search for each line's end) goes through
 * Node's own argument checks to its binding: reading 1M CSV rows took x0.91-0.97 the CPU with plain arrays (three
 * runs of 16 alternate passes in one process).
 */
export async function* fileChunks(file: string): AsyncGenerator<Uint8Array> {
  const descriptor = openSync(file, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const read = readSync(descriptor, chunk, 0, chunkBytes, null);
      if (read === 0) return;
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, read);
    }
  } finally {
    closeSync(descriptor);
  }
}

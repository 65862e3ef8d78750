/**
 * The files the screen command keeps between runs beside its bundle (grid-cache.ts, zone-cache.ts, row-cache.ts):
 * node:v8's serialization of a value, written whole or not at all, only the most recent few of a kind kept, and read
 * back only through a check, like any input.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * Whether a kept list of offsets into another array never falls and ends at `last`, the other's length (an empty list
 * ends at 0); with `fromZero`, whether it starts at 0 too, as a list of starts with one past the end does.
 */
export function offsetsInOrder(offsets: Uint32Array, last: number, fromZero = false): boolean {
  if (fromZero && offsets[0] !== 0) return false;
  if ((offsets.length === 0 ? 0 : offsets[offsets.length - 1]) !== last) return false;
  // An indexed loop: this runs once, cold, over lists of up to a million offsets, where every() took twice as long
  // (6.8 against 3.3 ms over a million, in a fresh process).
  for (let n = 1; n < offsets.length; n++) if ((offsets[n - 1] as number) > (offsets[n] as number)) return false;
  return true;
}

/** A kept file read before it can be checked (readAhead): its value as node:v8 gives it back, unchecked. */
export interface KeptAhead {
  file: string;
  value: unknown;
}

/** The value of a kept file, deserialised and not yet checked; undefined where there is none or it cannot be read. */
export function readAhead(file: string): KeptAhead | undefined {
  try {
    return { file, value: deserialize(readFileSync(file)) };
  } catch {
    return undefined;
  }
}

/**
 * The value kept in `file` as `check` gives it back (it parses and throws on what it refuses); undefined where there is
 * no file, or it is cut short, from another version or tampered with: the run then makes what it would have held.
 * `ahead`: the file as readAhead read it, taken where it is this file.
 */
export function readKept<T>(file: string, check: (value: unknown) => T, ahead?: KeptAhead): T | undefined {
  try {
    return check(ahead?.file === file ? ahead.value : deserialize(readFileSync(file)));
  } catch {
    return undefined;
  }
}

/**
 * readKept(file, check) read when first called, then the same value: a run that never needs the file never reads it
 * (the grid cache where workers read it themselves, the row templates until the workers have their setup).
 */
export function keptOnce<T>(file: string, check: (value: unknown) => T): () => T | undefined {
  let read = false;
  let value: T | undefined;
  return () => {
    if (!read) {
      value = readKept(file, check);
      read = true;
    }
    return value;
  };
}

/**
 * Writes `value` as `file`, beside its final name and renamed, so that a run reading it meanwhile reads a whole file;
 * then removes all but the `keep` files of its folder with its extension written last. A folder that cannot be
 * written (a read-only install, a full disk) keeps nothing, and the next run makes what the file would have held.
 */
export function keepFile(file: string, value: unknown, keep: number): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, serialize(value));
    renameSync(temporary, file);
    const kind = extname(file);
    const files = readdirSync(folder)
      .filter((name) => extname(name) === kind)
      .map((name) => ({ path: join(folder, name), written: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const { path } of files.slice(keep)) rmSync(path, { force: true });
  } catch {
    // Nothing kept: see above.
  }
}

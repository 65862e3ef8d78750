/**
 * The files the screen command keeps between runs beside its bundle (grid-cache.ts, zone-cache.ts): written whole or
 * not at all, and only the most recent few of a kind kept.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/**
 * Writes `bytes` as `file`, beside its final name and renamed, so that a run reading it meanwhile reads a whole file;
 * then removes all but the `keep` files of its folder with its extension written last. A folder that cannot be
 * written (a read-only install, a full disk) keeps nothing, and the next run makes what the file would have held.
 */
export function keepFile(file: string, bytes: Uint8Array, keep: number): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, bytes);
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

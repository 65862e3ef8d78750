import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type StreamFormat, streamFormatOf } from '../site-input/stream-format.ts';

/**
 * Per format, the smallest streamed file screened on worker threads beside the command's own; a smaller one is
 * screened on one thread. Each worker pays its own start and V8's optimising of the engine again (20-40 % more CPU
 * in all below 100,000 points) and 10-45 MiB, so threads are used only where they were measured to pay.
 * tests/bench/cli-threads.ts on two cores, CSV report, median of 6 to 8 interleaved pairs, how much faster on two
 * threads than on one, since V8 optimises on the thread that runs the code (package.json's
 * --no-concurrent-recompilation: with its optimising on threads of its own, which share the two cores with the
 * screening, one thread had had an idle core to optimise on, and threads paid only from 8 MiB of CSV):
 * - CSV: 2,000 points (48 KiB) x1.04, 5,000 (0.1 MiB) x1.17, 10,000 x1.14, 100,000 (2.7 MiB) x1.30;
 * - GeoJSON Lines: 5,000 (0.5 MiB) x0.97, 10,000 (1.1 MiB) x0.98, 30,000 (3.2 MiB) x1.10, 100,000 x1.14, 300,000 x1.34.
 *   GeoJSON was not measured apart: its reader costs the command's thread about as much (1M points, read and parsed
 *   alone: 0.80 s against 0.77 s);
 * - FlatGeobuf as ogr2ogr writes it (sorted along a Hilbert curve): 2,000 (0.2 MiB) x1.02, 5,000 (0.6 MiB) x1.16,
 *   10,000 x1.19, 100,000 x1.27, 300,000 x1.36.
 * More than two cores were not measured here.
 */
const threadedBytes: Record<StreamFormat, number> = {
  csv: 64 * 2 ** 10,
  geojson: 2 * 2 ** 20,
  geojsonl: 2 * 2 ** 20,
  flatgeobuf: 512 * 2 ** 10,
};
/** Threads beyond this add memory (each its own heap and caches) for little time: reading and writing stay on one. */
const maxThreads = 4;

/** The screening threads for a file: as asked (--threads), else one per core for a large streamed file, else one. */
export function screeningThreads(requested: number | undefined, file: string, cores = availableParallelism()): number {
  if (requested !== undefined) return requested;
  const format = streamFormatOf(file);
  if (format === undefined || statSync(file).size < threadedBytes[format]) return 1;
  return Math.min(maxThreads, cores);
}

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type StreamFormat, streamFormatOf } from '../site-input/stream-format.ts';

/**
 * Per format, the smallest streamed file screened on worker threads beside the command's own; a smaller one is
 * screened on one thread. Each worker pays its own start and V8's optimising of the engine again (8-15 % more CPU in
 * all in the runs below, 15-50 % when each thread wrote its own rows) and 20-40 MiB, so threads are used only where
 * they were measured to pay. tests/bench/cli-threads.ts on two
 * cores, CSV report, median of 3 interleaved pairs, how much faster on two threads than on one, since a worker sends
 * the shapes of its points and the command's thread writes all CSV rows, reading ahead while workers wait
 * (packed-shapes.ts, ScreenPool.fed):
 * - CSV: 100,000 points (2.7 MiB) x0.97, 200,000 x1.05, 300,000 (8.2 MiB) x1.07. Before, when each thread wrote
 *   its own rows: 300,000 x0.81-1.01, 500,000 x1.06-1.08, 1,000,000 (27.5 MiB) x1.07-1.17;
 * - GeoJSON Lines: 200,000 (21.6 MiB) x1.03, 300,000 (32.5 MiB) x1.17, 500,000 (54.2 MiB) x1.21 (before: x1.01 at
 *   200,000, x1.07 at 500,000). GeoJSON was not measured apart: its reader costs the command's thread about as much
 *   (1M points, read and parsed alone: 0.80 s against 0.77 s);
 * - FlatGeobuf as ogr2ogr writes it (sorted along a Hilbert curve): 200,000 (24.2 MiB) x1.01, 300,000 x1.04,
 *   500,000 (61.5 MiB) x1.13, 1,000,000 x1.19. Before, x0.81-1.03 from 200,000 to 2,000,000 points.
 * More than two cores were not measured here.
 */
const threadedBytes: Record<StreamFormat, number> = {
  csv: 8 * 2 ** 20,
  geojson: 32 * 2 ** 20,
  geojsonl: 32 * 2 ** 20,
  flatgeobuf: 48 * 2 ** 20,
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

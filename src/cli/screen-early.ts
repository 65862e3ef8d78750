/**
 * The screen command's worker threads, started by the launcher (bundled.cjs) from the command line before the
 * command's own bundle loads: a worker's boot (Node's start of the thread, then its bundle) took it until some 100 ms
 * after it was started, and the command's thread had loaded its bundle (35 ms) and its zones and seeds meanwhile, so the
 * worker's start was the first part of every run's critical path. A small bundle of its own, reading the line as the
 * command does (screen-arguments.ts) and choosing the threads as it does (thread-count.ts); the command takes the
 * workers (screen-workers.ts takeWorkers) and starts any more it needs. The worker's setup was done at 245-257 ms of
 * a run, now at 201-207. 1M CSV points on two threads: a first version, 12 interleaved runs of three variants, x0.932
 * wall with the seeds read for screening only (x0.982 for those alone); as it landed, x0.970 (16 pairs), as the
 * command's own thread then ended about when the worker did.
 */
import type { Worker } from 'node:worker_threads';
import { parseArguments, threadsOption } from './screen-arguments.ts';
import { startScreenWorkers } from './screen-workers.ts';
import { screeningThreads } from './thread-count.ts';

/** Worker threads for the command line: none where it asks for help, or is not one the command would run. */
export function earlyWorkers(argv: string[]): Worker[] {
  try {
    if (argv.includes('--help')) return [];
    const { positionals, values } = parseArguments(argv);
    if (positionals.length !== 1) return [];
    return startScreenWorkers(screeningThreads(threadsOption(values.threads), positionals[0] as string) - 1);
  } catch {
    // A line the command will refuse, or a file it cannot read: it says why itself, with no worker started.
    return [];
  }
}

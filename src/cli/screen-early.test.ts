import { once } from 'node:events';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earlyWorkers } from './screen-early.ts';
import { takeWorkers } from './screen-workers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'screen-early-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const small = join(scratch, 'small.csv');
writeFileSync(small, 'id,lon,lat\np,111.6,40.8\n');
/** A sparse CSV file of 8 MiB: threaded by default (thread-count.ts). */
const large = join(scratch, 'large.csv');
const handle = openSync(large, 'w');
ftruncateSync(handle, 8 * 2 ** 20);
closeSync(handle);

describe("the screen command's worker threads started by the launcher", () => {
  it('are as many as the command would start beside its own thread, and none for a line it will refuse', async () => {
    const cases: [string[], number][] = [
      [[small, '--type', 'steel'], 0],
      [[large, '--type', 'steel'], Math.min(4, availableParallelism()) - 1],
      [[small, '--type', 'steel', '--threads', '3'], 2],
      [[small, '--type', 'steel', '--threads=2'], 1],
      [[small, '--help'], 0],
      [[join(scratch, 'missing.csv'), '--type', 'steel'], 0],
      [[small, large, '--type', 'steel'], 0],
      [[small, '--type', 'steel', '--threads', 'many'], 0],
      [[small, '--type', 'steel', '--unknown'], 0],
    ];
    for (const [argv, count] of cases) {
      const workers = earlyWorkers(argv);
      expect([argv.join(' '), workers.length]).toEqual([argv.join(' '), count]);
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  }, 60_000);

  it('are taken by the command, which starts only those it lacks and stops those it does not need', async () => {
    const early = earlyWorkers([small, '--type', 'steel', '--threads', '3']);
    const fewer = takeWorkers(early, 1);
    expect(fewer).toEqual([early[0]]);
    // The other one stops.
    await once(early[1]!, 'exit');
    const more = takeWorkers(fewer, 2);
    expect(more[0]).toBe(early[0]);
    expect(more).toHaveLength(2);
    expect(more[1]).not.toBe(early[1]);
    await Promise.all(more.map((worker) => worker.terminate()));
  }, 60_000);
});

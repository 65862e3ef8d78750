/**
 * The floor of tests/bench/cli.ts: reads and parses a site file exactly as the CLI does (src/site-input/stream.ts)
 * and only counts the records, so the difference to the CLI is what screening and writing cost.
 */
import { createReadStream } from 'node:fs';
import { siteRecordBatches, streamFormatOf } from '../../src/site-input/stream.ts';

const file = process.argv[2] as string;
let records = 0;
for await (const batch of siteRecordBatches(streamFormatOf(file)!, createReadStream(file, { highWaterMark: 1 << 20 })))
  records += batch.length;
process.stdout.write(`${records}\n`);

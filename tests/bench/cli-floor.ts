/**
 * The floor of tests/bench/cli.ts: reads and parses a site file exactly as the CLI does (src/cli/file-chunks.ts,
 * src/site-input/stream.ts) and only counts the records, so the difference to the CLI is what screening and writing
 * cost.
 */
import { fileChunks } from '../../src/cli/file-chunks.ts';
import { recordBatches } from '../../src/site-input/stream.ts';
import { streamFormatOf } from '../../src/site-input/stream-format.ts';

const file = process.argv[2] as string;
let records = 0;
for await (const batch of recordBatches(streamFormatOf(file)!, fileChunks(file))) records += batch.count;
process.stdout.write(`${records}\n`);

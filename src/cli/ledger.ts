/** Prints the policy ledger measured on public/data: `npx tsx src/cli/ledger.ts --format json|csv` (json by default). */
import { parseArgs } from 'node:util';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { computeLedger } from '../stats/ledger.ts';
import { ledgerToCsv } from '../stats/ledger-csv.ts';

const usage = 'usage: npx tsx src/cli/ledger.ts [--format json|csv]';

function options(): { format: 'json' | 'csv' } {
  try {
    const { values } = parseArgs({ options: { format: { type: 'string', default: 'json' } }, strict: true, allowPositionals: false });
    if (values.format === 'json' || values.format === 'csv') return { format: values.format };
    throw new Error(`unknown format "${values.format}"`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

const { format } = options();
const rows = computeLedger(await readCollections(), readSeeds(), readManifest().version);
process.stdout.write(format === 'csv' ? ledgerToCsv(rows) : `${JSON.stringify(rows, null, 2)}\n`);

/** Prints the policy ledger measured on public/data:
 * `npx tsx src/cli/ledger.ts [--format json|csv] [--lang zh|en] [--actuals actuals.csv]` (json and en by default).
 * --actuals reads reported values in the atlas's own export format (target_id,value,unit,year,source). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { seedPassages } from '../data/seed-files.ts';
import { computeLedger } from '../stats/ledger.ts';
import { applyActuals } from '../stats/ledger-actuals.ts';
import { readActualsCsv } from '../stats/ledger-actuals-csv.ts';
import { ledgerToCsv } from '../stats/ledger-csv.ts';

const usage = 'usage: npx tsx src/cli/ledger.ts [--format json|csv] [--lang zh|en] [--actuals actuals.csv]';

function options(): { format: 'json' | 'csv'; lang: 'zh' | 'en'; actuals: string | undefined } {
  try {
    const { values } = parseArgs({
      options: { format: { type: 'string', default: 'json' }, lang: { type: 'string', default: 'en' }, actuals: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.format !== 'json' && values.format !== 'csv') throw new Error(`unknown format "${values.format}"`);
    if (values.lang !== 'zh' && values.lang !== 'en') throw new Error(`unknown language "${values.lang}"`);
    return { format: values.format, lang: values.lang, actuals: values.actuals };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

const { format, lang, actuals } = options();
const seeds = readSeeds();
const measured = computeLedger(await readCollections(), seeds, readManifest().version);
let rows = measured;
if (actuals !== undefined) {
  try {
    rows = applyActuals(measured, readActualsCsv(readFileSync(actuals, 'utf8'), measured));
  } catch (error) {
    process.stderr.write(`${actuals}: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
process.stdout.write(
  format === 'csv' ? ledgerToCsv(rows, lang, seedPassages(join(projectRoot, 'seeds'), seeds)) : `${JSON.stringify(rows, null, 2)}\n`,
);

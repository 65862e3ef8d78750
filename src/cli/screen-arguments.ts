import { parseArgs } from 'node:util';

/**
 * The screen command's line as node:util reads it, unchecked (screen.ts parseOptions checks it): a module of its own,
 * so that the launcher reads the line the same way before the command loads (screen-early.ts).
 */
export const parseArguments = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      lang: { type: 'string' },
      zones: { type: 'string' },
      'zone-kind': { type: 'string' },
      'zone-profile': { type: 'string' },
      'zone-table': { type: 'string' },
      'entry-list': { type: 'string' },
      threads: { type: 'string' },
    },
  });

/** --threads as a number (undefined where not given), or an error where it is not a whole number from 1 to 64. */
export function threadsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threads = Number(value);
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 64)) throw new Error('--threads must be a whole number from 1 to 64');
  return threads;
}

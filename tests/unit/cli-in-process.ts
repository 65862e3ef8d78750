import { createReadStream } from 'node:fs';
import { main } from '../../src/cli/screen.ts';

/** Runs the screen CLI in-process on real files; returns its exit status, its output and what it wrote to stderr. */
export async function screenCli(args: string[]): Promise<{ status: number; output: string; errors: string }> {
  const output: string[] = [];
  const errors: string[] = [];
  const decoder = new TextDecoder();
  const status = await main(args, {
    read: (file) => createReadStream(file),
    write: async (text) => void output.push(typeof text === 'string' ? text : decoder.decode(text, { stream: true })),
    error: (text) => void errors.push(text),
    progress: false,
  });
  return { status, output: output.join(''), errors: errors.join('') };
}

/** The JSON Lines reports of a run. */
export const jsonLines = <T = Record<string, unknown>>(output: string): T[] =>
  output
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

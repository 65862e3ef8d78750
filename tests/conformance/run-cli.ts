import { createReadStream } from 'node:fs';
import { main } from '../../src/cli/screen.ts';

/** Runs the screening CLI's main() in this process with an in-memory Io: its exit status and what it wrote. */
export async function runCli(argv: string[], chunkBytes = 64 * 1024) {
  let stdout = '';
  let stderr = '';
  const decoder = new TextDecoder();
  const status = await main(argv, {
    read: (file) => createReadStream(file, { highWaterMark: chunkBytes }),
    write: async (text) => {
      stdout += typeof text === 'string' ? text : decoder.decode(text, { stream: true });
    },
    error: (text) => {
      stderr += text;
    },
    progress: false,
  });
  return { status, stdout, stderr };
}

/** A report as the engine gives it: the CLI's JSON without what the writer adds (the id, the cited documents' titles). */
export function engineReport(properties: Record<string, unknown>) {
  const { id, documents, ...report } = properties;
  return report;
}

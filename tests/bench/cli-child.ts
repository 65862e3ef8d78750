/** A benchmark's child process: the screen command or its floor, timed from outside, its own CPU and memory read back. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

const root = new URL('../..', import.meta.url).pathname;

/** One child: plain node with the usage reporter (tests/bench/cli-usage.mjs), stdout thrown away. */
export async function runChild(script: string, args: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', join(root, 'tests/bench/cli-usage.mjs'), script, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let usage = '';
  let errors = '';
  child.stdio[3]!.on('data', (chunk: Buffer) => {
    usage += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const [code] = await once(child, 'close');
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} failed (${code}): ${errors.slice(-500)}`);
  const used = JSON.parse(usage) as NodeJS.ResourceUsage;
  return { wallMs, cpuMs: (used.userCPUTime + used.systemCPUTime) / 1000, maxRssMiB: used.maxRSS / 1024 };
}

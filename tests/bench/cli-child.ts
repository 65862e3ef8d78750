/** A benchmark's child process: the screen command or its floor, timed from outside, its own CPU and memory read back. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

const root = new URL('../..', import.meta.url).pathname;

/**
 * The screen command as `npm run screen` runs it, read from package.json: node's options, the launcher and the command
 * name (the bundle and its heap settings), so that the benchmarks time what users run.
 */
export function screenCommand(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['screen']!;
  const [program, ...words] = script.split(/\s+/);
  if (program !== 'node') throw new Error(`npm run screen runs ${program}, not node: the benchmark cannot time it`);
  return words;
}

/**
 * The environment of every child: this one's without NODE_EXTRA_CA_CERTS, which has node read and parse the
 * certificates it names as it starts, before any script (on the machine these benchmarks were tuned on, set to the
 * system's bundle: 30-38 ms a start, 117 of 2,791 perf samples of the command's thread). Neither the command nor its
 * floor makes a TLS connection, and the same constant on both sides flattered the CSV ratio: x2.38 with it, x2.64
 * without (16 interleaved pairs each, at 6478ded).
 */
const childEnvironment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

/** One child: plain node with the usage reporter (tests/bench/cli-usage.mjs), stdout thrown away. */
export async function runChild(command: string[], args: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', join(root, 'tests/bench/cli-usage.mjs'), ...command, ...args], {
    cwd: root,
    env: childEnvironment,
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
  if (code !== 0) throw new Error(`${[...command, ...args].join(' ')} failed (${code}): ${errors.slice(-500)}`);
  const used = JSON.parse(usage) as NodeJS.ResourceUsage;
  return { wallMs, cpuMs: (used.userCPUTime + used.systemCPUTime) / 1000, maxRssMiB: used.maxRSS / 1024 };
}

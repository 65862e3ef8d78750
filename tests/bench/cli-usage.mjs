// Preloaded into the benchmark's child processes (node --import): at exit, the process's own resource usage
// (CPU, maximum resident set) goes to file descriptor 3, which the benchmark reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(3, JSON.stringify(process.resourceUsage()));
});

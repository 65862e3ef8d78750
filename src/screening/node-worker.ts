import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A Node worker thread on a module: a TypeScript source first registers tsx's loader (worker threads do not inherit
 * it on Node 20); a command's CommonJS bundle (.cjs) is run by the bundle loader copied beside it, from V8's code cache
 * (src/cli/bundle-loader.cjs, required: eval code is CommonJS); any other file starts as it is. The screen command's
 * pool and the point pool both start theirs here.
 */
export function startNodeWorker(module: URL, workerData?: unknown): Worker {
  if (module.pathname.endsWith('.cjs')) {
    const loader = fileURLToPath(new URL('./bundle-loader.cjs', module));
    const bootstrap = `require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(fileURLToPath(module))})`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

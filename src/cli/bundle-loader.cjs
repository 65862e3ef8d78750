/**
 * Runs a command's CommonJS bundle (src/cli/bundled.cjs builds them) with V8's code cache: the bundle is compiled from
 * the cache file beside it, written by the first run after each build, instead of from its 3 MB of source. Node 20
 * has no compile cache of its own for modules (module.enableCompileCache came with Node 22), and an ES module's code
 * cannot be cached from user code, which is why the bundles are CommonJS. The screen command on one point, 12 runs
 * each, alternately: 0.30 s wall and 0.40 s CPU from the ES module bundle, 0.26 s and 0.35 s from the cache.
 * Plain JavaScript: the launcher and each worker thread load it before anything can compile TypeScript; the launcher
 * copies it beside the bundles, where a worker thread's bootstrap finds it (src/screening/node-worker.ts). CommonJS,
 * as is the launcher: a worker thread that imported it as an ES module started node's module loader for it first (a
 * bare worker answered in 25 ms so, 21 ms with require).
 */
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

/**
 * The cache file of a bundle for this node and its flags: V8 refuses a cache made under other flags, and runs with
 * different flags (the tests', `npm run screen`'s) would otherwise each write over the other's.
 */
function codeCacheFile(file) {
  const key = createHash('sha256')
    .update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}`)
    .digest('hex');
  return `${file}.${key.slice(0, 16)}.code-cache`;
}

/** The cache's bytes, or undefined where there is none yet. */
function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Evaluates the bundle at `file` (a path) as a CommonJS module and returns its exports; `import.meta` in its sources is
 * `bundleMeta` (the build's define), with the bundle's own url, dirname and filename. Where the cache was missing or
 * refused, writes it once the bundle has run its top level, which compiles most of what a run needs (the command on
 * one point: 0.26 s with the cache written then, 0.25 s with one written at the end of a run).
 */
function runBundle(file) {
  const cacheFile = codeCacheFile(file);
  const cachedData = readCache(cacheFile);
  // Latin-1, the quickest decoding, reads an ASCII file as UTF-8 would: bundled.cjs writes the bundles in ASCII.
  const source = readFileSync(file, 'latin1');
  const wrapped = `(function (exports, require, module, __filename, __dirname, bundleMeta) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const bundle = { exports: {} };
  const meta = { url: pathToFileURL(file).href, dirname: dirname(file), filename: file };
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file), meta);
  if (!cachedData || script.cachedDataRejected) {
    // Beside its final name and renamed, so that a run started meanwhile reads a whole file.
    const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A folder that cannot be written costs the next run its compiling, nothing more.
    }
  }
  return bundle.exports;
}

module.exports = { runBundle };

/**
 * `npm run screen` runs the command from an esbuild bundle with plain node, rebuilt only when a file it was built from
 * changed. Under tsx the command took 1.2-1.4 s of CPU and 157 MiB before reading a point (tsx compiles the project's
 * 141 modules on a loader thread with its own heap, and node resolves some 350 package files one by one); from the bundle
 * 0.5 s and 122 MiB. Plain JavaScript, because it must run before anything can compile TypeScript; CommonJS, as node
 * starts an ES module's loader for an ES module (the launcher and its loader started some 8 ms later as ES modules).
 *
 *   node src/cli/bundled.cjs <command> [arguments]    (<command>: a key of `commands`)
 *
 * package.json's script also gives node `--max-semi-space-size=8`, `--interrupt-budget=300000` and
 * `--no-concurrent-recompilation` (see README, "Other commands"); the benchmarks read the script, so that they time
 * the command as it is run.
 *
 * The bundle lives in node_modules/.cache/atlas-cli (ATLAS_CLI_CACHE overrides it, for tests: a folder inside
 * the project, as the bundle finds the project's data by the package.json above it), next to a list of the
 * files it was built from with their modification times. The commands' bundles are CommonJS, run from V8's code cache
 * (bundle-loader.cjs, copied beside them for their worker threads).
 */
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { runBundle } = require('./bundle-loader.cjs');

const root = join(__dirname, '..', '..');
/** Each command's entry; every entry is bundled, so that a command's worker threads find their sibling bundles. */
const commands = { screen: 'src/cli/screen.ts' };
/**
 * Per command, the entry whose earlyWorkers(argv) starts its worker threads from its command line, run before the
 * command's own bundle loads (screen-early.ts says why); the command's main takes them as its third argument.
 */
const early = { screen: 'src/cli/screen-early.ts' };
/** The entries of the commands' worker threads (screen-workers.ts starts screen-worker.cjs beside its own bundle). */
const workers = ['src/cli/screen-worker.ts'];
const entries = [...Object.values(commands), ...Object.values(early), ...workers];
const cache = process.env.ATLAS_CLI_CACHE ?? join(root, 'node_modules', '.cache', 'atlas-cli');
const builtFrom = join(cache, 'built-from.json');

/** How each kind of bundle is built: an ES module to run as it is, or CommonJS for bundle-loader.cjs to run. */
const formats = {
  esm: {
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // CommonJS packages inside an ES module bundle still call require for node's own modules.
    banner: {
      js: "import { createRequire as bundledCreateRequire } from 'node:module'; const require = bundledCreateRequire(import.meta.url);",
    },
  },
  cjs: { format: 'cjs', outExtension: { '.js': '.cjs' }, define: { 'import.meta': 'bundleMeta' } },
};

/**
 * A bundle's text with every character beyond ASCII written as its \u escape. esbuild writes code so (charset
 * 'ascii'), but keeps comments as they are, and V8 holds a source with any other character at two bytes a character:
 * the screen command's 3.3 MB bundle, whose comments held 47 lines of Chinese and dashes, took 7 ms to read as UTF-8
 * against 1.5 ms as Latin-1, which an ASCII file lets bundle-loader.cjs read it as. The escape means the same
 * character in a string, a regular expression or a name, and a comment's text is never run.
 */
const asciiText = (text) => text.replace(/[^\0-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Bundles `entries` (paths from the project's root, all in `base`) into `folder` as .mjs files (`format` 'esm') or
 * .cjs files ('cjs'), in ASCII (asciiText), each written beside its final name and renamed, so that a run started
 * meanwhile reads whole files. Returns the files read, from the root.
 */
async function buildBundle(entryPoints, base, folder, format = 'esm') {
  const { build } = require('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    outdir: folder,
    outbase: base,
    charset: 'ascii',
    ...formats[format],
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  mkdirSync(folder, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}`;
    writeFileSync(temporary, asciiText(file.text));
    renameSync(temporary, file.path);
  }
  return Object.keys(result.metafile.inputs);
}

/** The names in a folder; none where it does not exist yet. */
function existsIn(folder) {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** npm's record of what it installed in node_modules, written again by every `npm ci` and `npm install`. */
const installed = join('node_modules', '.package-lock.json');

/**
 * The files a build was built from, with the packages' files (352 of 520 for the screen command) stood for by npm's
 * record of the install where there is one: stale() stats every file it lists, before the command's bundle loads,
 * and a run on one point took 0.103 s instead of 0.110 once it checked the record alone (16 alternate pairs). A
 * package's file edited by hand in node_modules, which no install wrote, is then not seen: `npm ci` undoes such an
 * edit anyway.
 */
function dependencyStamp(files) {
  if (!existsSync(join(root, installed))) return files;
  return [...files.filter((file) => !file.split(/[\\/]/).includes('node_modules')), installed];
}

/** True when the bundle is missing or any file it was built from (or this launcher) changed since. */
function stale() {
  let record;
  try {
    record = JSON.parse(readFileSync(builtFrom, 'utf8'));
  } catch {
    return true;
  }
  if (record.entries?.join('\n') !== entries.join('\n')) return true;
  for (const [file, modified] of Object.entries(record.inputs)) {
    try {
      if (statSync(join(root, file)).mtimeMs !== modified) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** The bundles' loader, copied beside them for their worker threads (a change to it rebuilds, as one to this file). */
const loader = join(__dirname, 'bundle-loader.cjs');

/**
 * Rebuilds the bundle, and removes what earlier builds kept for their next runs (the folders of src/cli/grid-cache.ts,
 * zone-cache.ts and row-cache.ts, made by code that may have changed) and their code caches and files
 * (bundle-loader.cjs), which V8 would refuse.
 */
async function rebuild() {
  for (const name of existsIn(cache))
    if (name.startsWith('grids-') || name.endsWith('.code-cache') || name.startsWith('bundle-loader.'))
      rmSync(join(cache, name), { recursive: true, force: true });
  const inputs = dependencyStamp([
    ...(await buildBundle(entries, 'src/cli', cache, 'cjs')),
    relative(root, __filename),
    relative(root, loader),
  ]);
  copyFileSync(loader, join(cache, 'bundle-loader.cjs'));
  const temporary = `${builtFrom}.${process.pid}`;
  writeFileSync(
    temporary,
    JSON.stringify({ entries, inputs: Object.fromEntries(inputs.map((file) => [file, statSync(join(root, file)).mtimeMs])) }),
  );
  renameSync(temporary, builtFrom);
}

/** Runs the command of the command line (`node src/cli/bundled.cjs <command> [arguments]`). */
async function launch() {
  const [command, ...argv] = process.argv.slice(2);
  const entry = commands[command];
  if (!entry) {
    process.stderr.write(`usage: node src/cli/bundled.cjs <${Object.keys(commands).join('|')}> [arguments]\n`);
    process.exit(2);
  }
  const bundleOf = (source) => join(cache, relative('src/cli', source).replace(/\.ts$/, '.cjs'));
  /** The command's early worker threads (see `early`), none where it has no early entry or its bundle cannot run yet. */
  const startEarly = () => {
    try {
      return early[command] ? runBundle(bundleOf(early[command])).earlyWorkers(argv) : [];
    } catch {
      return [];
    }
  };
  // Workers first, from the bundles as they are, then the check that they are current, which stats every file they
  // were built from (dependencyStamp: 168 files and npm's record; 8 ms when it checked all 520, on the way to a worker's
  // start): where they are not, the workers stop and start again.
  let started = startEarly();
  if (stale()) {
    await Promise.all(started.map((worker) => worker.terminate()));
    await rebuild();
    started = startEarly();
  }
  const { main, processIo } = runBundle(bundleOf(entry));
  process.exitCode = await main(argv, processIo(), started);
}

module.exports = { buildBundle };

if (require.main === module) void launch();

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const workerSource = 'src/offline/service-worker.ts';
const placeholder = '__ATLAS_PRECACHE__';

/** Every file under a folder, as paths relative to `root` with forward slashes. */
function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Emits service-worker.js beside index.html: src/offline/service-worker.ts with its types stripped and the list of
 * files to precache written in. The list is the build's own output (every file of the bundle: the page, its scripts,
 * styles, workers and lazily loaded chunks) and the served data (public/data); the README's images are left out.
 * Its version hashes the list and the data manifest, so a new build or new data installs a new worker.
 */
export function offlinePlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'atlas-offline',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const data = filesUnder(join(root, 'public'), 'data');
      const files = [...new Set(['./', 'index.html', 'favicon.svg', ...Object.keys(bundle), ...data])].sort();
      const version = createHash('sha256')
        .update(files.join('\n'))
        .update(readFileSync(join(root, 'public', 'data', 'manifest.json')))
        .digest('hex')
        .slice(0, 16);
      const source = readFileSync(join(root, workerSource), 'utf8');
      const { code } = await transformWithOxc(source, workerSource, { lang: 'ts' });
      const list = JSON.stringify(JSON.stringify({ version, files }));
      const classic = code
        .replace(/^export \{\s*\};?\s*$/m, '')
        .replace(`'${placeholder}'`, list)
        .replace(`"${placeholder}"`, list);
      if (classic.includes(placeholder) || /^\s*(export|import)\b/m.test(classic))
        throw new Error(`${workerSource}: the precache list or a module line was left in`);
      this.emitFile({ type: 'asset', fileName: 'service-worker.js', source: classic });
    },
  };
}

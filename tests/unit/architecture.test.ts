// The map of the house (CONTRIBUTING.md), checked: every import arrow between folders is one the table allows, and
// every file in src/components/ is one custom element. Imports are read from the source text, type-only ones included:
// a type borrowed from a folder above is a dependency on it all the same.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Known breaches being removed right now, in one place: when a list is empty the rule holds without exception.
 * Each entry is `importing file -> imported file` (import rules) or a file name (components).
 */
const knownExceptions = {
  imports: [] as string[],
  components: [] as string[],
};

const engines = ['geodesy', 'documents', 'site-input', 'stats', 'screening', 'report', 'search', 'official'];

/** Folder (under src/, or a top-level one) -> the folders its modules may import. Same table as CONTRIBUTING.md. */
const mayImport: Record<string, readonly string[]> = {
  schema: [],
  layers: ['schema'],
  seeds: [],
  geodesy: ['schema'],
  documents: ['schema', 'geodesy', 'seeds'],
  data: ['schema', 'layers', 'seeds', 'geodesy', 'documents'],
  'site-input': ['schema', 'geodesy', 'documents', 'data'],
  stats: ['schema', 'geodesy', 'data', 'layers', 'documents', 'site-input'],
  screening: ['schema', 'geodesy', 'data', 'layers', 'documents', 'site-input', 'stats'],
  report: ['schema', 'geodesy', 'data', 'layers', 'documents', 'site-input', 'stats', 'screening', 'i18n'],
  search: ['schema', 'layers', 'data'],
  official: ['schema', 'geodesy', 'site-input'],
  i18n: ['schema', 'state', 'screening'],
  state: ['schema', 'layers', ...engines],
  map: ['schema', 'layers', 'state', 'i18n', 'geodesy'],
  styles: ['schema'],
  app: ['schema', 'layers', 'seeds', 'data', 'i18n', 'state', 'map', ...engines],
  api: ['app', 'schema', 'layers', 'seeds', 'data', 'i18n', 'state', 'map', ...engines],
  components: ['app', 'api', 'styles', 'schema', 'layers', 'seeds', 'data', 'i18n', 'state', 'map', ...engines],
  cli: ['app', 'schema', 'layers', 'seeds', 'data', 'i18n', ...engines],
  'data/build': ['schema', 'layers', 'seeds', 'geodesy', 'site-input', 'documents', 'data'],
  main: ['components', 'styles', 'app', 'api', 'map', 'state', 'data', 'i18n', 'schema', 'layers'],
  /** The service worker: its own scope, no imports (vite-plugins/offline.ts builds it alone). */
  offline: [],
};

function files(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return files(path);
    return /\.(ts|mts|mjs)$/.test(name) ? [path.split(sep).join('/')] : [];
  });
}

/** The folder a repository path belongs to, in the terms of the table; undefined for paths outside it. */
function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] === 'src') return parts.length === 2 ? parts[1]?.replace(/\.ts$/, '') : parts[1];
  if (parts[0] === 'data' && parts[1] === 'build') return 'data/build';
  if (parts[0] === 'layers' || parts[0] === 'seeds') return parts[0];
  return parts[0] === 'package.json' ? undefined : parts[0];
}

/** Every relative module a file names: static and dynamic imports, re-exports, and worker URLs. */
function importedPaths(file: string, text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  const found = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string));
  return found
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      normalize(join(dirname(file), specifier.replace(/\?.*$/, '')))
        .split(sep)
        .join('/'),
    );
}

function breaches(): string[] {
  // Tests are consumers of the code, not part of what ships: they may import across folders to test it whole.
  const scanned = [...files('src'), ...files('layers'), ...files('data/build')].filter((file) => !file.endsWith('.test.ts'));
  const found: string[] = [];
  for (const file of scanned) {
    const from = folderOf(file);
    if (!from) continue;
    const allowed = mayImport[from];
    if (!allowed) {
      found.push(`${file}: folder ${from} is not on the map of the house (tests/unit/architecture.test.ts, CONTRIBUTING.md)`);
      continue;
    }
    for (const target of importedPaths(file, readFileSync(join(root, file), 'utf8'))) {
      const to = folderOf(target);
      if (!to || to === from || allowed.includes(to)) continue;
      found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

describe('the map of the house', () => {
  test('every import between folders is an arrow the table draws', () => {
    const unexpected = breaches().filter((breach) => !knownExceptions.imports.includes(breach));
    expect(unexpected).toEqual([]);
  });

  test('the engines import no front end: components, app, api, map, state or cli', () => {
    const frontEnds = ['components', 'app', 'api', 'map', 'state', 'cli'];
    for (const engine of [...engines, 'data', 'schema', 'layers']) {
      expect(mayImport[engine]?.filter((folder) => frontEnds.includes(folder))).toEqual([]);
    }
  });

  test('src/ and layers/ write their schemas with zod/mini, through src/schema/zod-mini.ts', () => {
    // The full API's core (every string format, its locale, JSON schema) would ride in the page's first script, which
    // holds the Zod core every chunk shares; and only zod-mini.ts makes Zod jitless before a schema is made.
    const fullZod = /\bfrom\s*['"]zod(?:\/v4(?:\/classic)?)?['"]|\bimport\(\s*['"]zod(?:\/v4(?:\/classic)?)?['"]\s*\)/;
    const offenders = [...files('src'), ...files('layers')].filter(
      (file) => !file.endsWith('.test.ts') && fullZod.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
    expect(fullZod.test("import { z } from 'zod';")).toBe(true);
    expect(fullZod.test("export * as z from 'zod/v4/mini';")).toBe(false);
  });

  test('every file in src/components/ is one custom element and exports nothing else of value', () => {
    const offenders: string[] = [];
    for (const file of files('src/components').filter((name) => !name.endsWith('.test.ts'))) {
      const text = readFileSync(join(root, file), 'utf8');
      const definitions = text.match(/customElements\.define\(|@customElement\(/g)?.length ?? 0;
      const elementClasses = text.match(/^export class \w+ extends LitElement\b/gm)?.length ?? 0;
      const otherValues = text.match(
        /^export\s+(?:default|async\s+function|function|const|let|var|enum|\{)|^export class (?!\w+ extends LitElement\b)/gm,
      );
      if (definitions !== 1 || elementClasses !== 1 || otherValues) offenders.push(file);
    }
    expect(offenders.filter((file) => !knownExceptions.components.includes(file))).toEqual([]);
  });
});

describe('the import reader', () => {
  test('finds static, type-only, dynamic, re-exported and worker imports, and ignores packages', () => {
    const text = [
      "import { a } from '../screening/report.ts';",
      "import type {\n  B,\n  C,\n} from './local.ts';",
      "export { d } from '../schema/seed.ts';",
      "import '../styles/app.css';",
      "const e = await import('../report/csv.ts');",
      "new Worker(new URL('../stats/ledger-worker.ts', import.meta.url), { type: 'module' });",
      "import { z } from 'zod';",
      "import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';",
    ].join('\n');
    expect(importedPaths('src/app/x.ts', text)).toEqual([
      'src/screening/report.ts',
      'src/app/local.ts',
      'src/schema/seed.ts',
      'src/styles/app.css',
      'src/report/csv.ts',
      'src/stats/ledger-worker.ts',
    ]);
  });

  test('names folders as the table does', () => {
    expect(folderOf('src/screening/report.ts')).toBe('screening');
    expect(folderOf('src/main.ts')).toBe('main');
    expect(folderOf('data/build/build-data.ts')).toBe('data/build');
    expect(folderOf('layers/wetlands/wetlands.ts')).toBe('layers');
  });
});

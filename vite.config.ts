import { defineConfig } from 'vitest/config';
import { contentSecurityPolicyPlugin } from './vite-plugins/content-security-policy.ts';
import { offlinePlugin } from './vite-plugins/offline.ts';

const port = Number(process.env['PORT'] ?? 4173);

export default defineConfig({
  // Relative asset paths let presenters serve or embed the built atlas from any sub-path.
  base: './',
  plugins: [contentSecurityPolicyPlugin(), offlinePlugin()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // flatgeobuf imports @repeaterjs/repeater for its HTTP range reader, which the atlas never calls; the module's one
      // statement of its own (adding `Symbol.asyncDispose` to its own class) would otherwise keep it in the first script.
      // robust-predicates (under turf's point-in-polygon, orient2d only) allocates the scratch arrays of its other
      // predicates when loaded, which kept all four in the first script.
      treeshake: {
        moduleSideEffects: [
          { test: /[\\/]@repeaterjs[\\/]repeater[\\/]/, sideEffects: false },
          { test: /[\\/]robust-predicates[\\/]/, sideEffects: false },
        ],
      },
    },
  },
  // Module workers, split like the page: a worker's rarely used readers (SQLite for GeoPackage) load only when needed.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'data/build/**/*.test.ts', 'layers/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          // Some tests take 2-4 s on this 2-core machine (geodesic and overlap checks over seeded sites); the default
          // 5 s failed one of them (2.3 s alone) while other work ran beside the suite. A limit for hangs, not a timing.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/serve.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Vite's preview server for a built app (`outDir`, else dist/) on a free loopback port, with HTTP Range support: the
 * browser tests, the benchmarks and the README pictures all open the atlas through it.
 */
export async function previewBuilt(outDir?: string): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = await preview({
    logLevel: 'warn',
    ...(outDir ? { build: { outDir } } : {}),
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { baseUrl: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** Serves the built app for the browser tests (vitest's global set-up). */
export default async function serve(project: TestProject) {
  const server = await previewBuilt();
  project.provide('baseUrl', server.baseUrl);
  return server.close;
}

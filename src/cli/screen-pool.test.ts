import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { documentTitles } from '../report/document-title.ts';
import { createScreener } from '../screening/screener.ts';
import { ScreenPool } from './screen-pool.ts';
import { startScreenWorkers } from './screen-workers.ts';

describe('the screen command pool', () => {
  it('refuses a worker thread that stopped before the pool took it, rather than wait on it for ever', async () => {
    const seeds = readSeeds();
    const screener = createScreener({ collections: await readCollections(), seeds, dataVersion: readManifest().version, shared: true });
    const titles = documentTitles(seeds.map((seed) => ({ id: seed.id, title: seed.document.title })));
    const settings = { format: 'csv', lang: undefined, projectType: 'solar-pv', titles } as const;
    const [stopping, booting] = startScreenWorkers(2);
    const exited = once(stopping!, 'exit');
    await stopping!.terminate();
    await exited;
    expect(() => new ScreenPool(screener, seeds, settings, [stopping!, booting!])).toThrow(/a screening worker thread stopped/);
    // The pool stopped the other worker too.
    await once(booting!, 'exit');
  }, 60_000);
});

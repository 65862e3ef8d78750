import { seedSchema, type Seed } from '../schema/seed.ts';

/** Every seeds/<id>.json (a document added there needs no code), in order of id as the Node side reads them. */
const seeds = import.meta.glob<unknown>('../../seeds/*.json', { eager: true, import: 'default' });

/** The seeds as the browser bundles them, checked once: imported lazily by the ledger and the screening. */
export const bundledSeeds: Seed[] = Object.keys(seeds)
  .sort()
  .map((path) => seedSchema.parse(seeds[path]));

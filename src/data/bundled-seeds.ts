import { seedSchema, type Seed } from '../schema/seed.ts';
import hinggan from '../../seeds/hinggan-climate-14th.json';
import carbonPeak from '../../seeds/nm-carbon-peak-opinions.json';
import energySaving from '../../seeds/nm-energy-saving-13th.json';
import ecology from '../../seeds/nm-ecology-14th.json';
import ordos from '../../seeds/ordos-pollution-carbon.json';

/** The five seeds as the browser bundles them, checked once: imported lazily by the ledger and the screening. */
export const bundledSeeds: Seed[] = [hinggan, carbonPeak, energySaving, ecology, ordos].map((seed) => seedSchema.parse(seed));

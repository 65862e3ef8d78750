/** Node side of seeds/: which documents there are, and their texts read as the atlas reads them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentText, type DocumentText } from '../documents/document-text.ts';
import { passagesIn, type Passage } from '../documents/passage.ts';
import type { Citation } from '../schema/citation.ts';
import type { Seed } from '../schema/seed.ts';

/** The ids of the documents in a seeds folder: every <id>.json, in order of id. */
export function seedIds(seedsFolder: string): string[] {
  return readdirSync(seedsFolder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** A seed's document text (seeds/<seed.file>), its tables' rows kept as sentences of their own. */
export function readSeedText(seedsFolder: string, seed: Pick<Seed, 'file' | 'tables'>): DocumentText {
  return readDocumentText(readFileSync(join(seedsFolder, seed.file), 'utf8'), seed.tables);
}

/** The passage of any citation of these seeds' documents, their texts read once: what the CLI's exports show. */
export function seedPassages(seedsFolder: string, seeds: readonly Seed[]): (citation: Citation) => Passage | undefined {
  return passagesIn(new Map(seeds.map((seed) => [seed.id, readSeedText(seedsFolder, seed)])));
}

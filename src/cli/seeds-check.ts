/**
 * npm run seeds:check: every seeds/<doc>.json against its text seeds/<doc>.txt and the zones of data/. Prints one line
 * per problem (file, entry, what is wrong) and exits 1 if there is any; a planner adding a document runs it until it
 * prints nothing but the summary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { readDocumentText } from '../documents/document-text.ts';
import { checkSeed, type SeedProblem, type ZoneCatalogue } from '../documents/seed-check.ts';
import { projectRoot } from '../data/node-loader.ts';
import { seedIds } from '../data/seed-files.ts';

/** The zones rules may name: the features of data/<id>/source.geojson and the buffers of the river-buffer recipe. */
export function zoneCatalogue(root: string): ZoneCatalogue {
  const dataRoot = join(root, 'data');
  const features = readdirSync(dataRoot).flatMap((id) => {
    const source = join(dataRoot, id, 'source.geojson');
    return existsSync(source)
      ? (JSON.parse(readFileSync(source, 'utf8')) as FeatureCollection).features.map((feature) => ({
          id,
          properties: feature.properties ?? {},
        }))
      : [];
  });
  const recipe = JSON.parse(readFileSync(join(dataRoot, 'river-buffers', 'recipe.json'), 'utf8')) as {
    buffers: { id: string; km: number }[];
  };
  return {
    ids: new Set([...features.map((feature) => String(feature.properties['id'])), ...recipe.buffers.map((buffer) => buffer.id)]),
    kinds: new Set([...features.map((feature) => String(feature.properties['zone_kind'])), 'river-buffer']),
    regions: new Set(features.filter((feature) => feature.id === 'admin-regions').map((feature) => String(feature.properties['id']))),
    bufferKms: recipe.buffers.map((buffer) => buffer.km),
  };
}

/** Every problem of every seed in a seeds folder. */
export function checkSeeds(seedsFolder: string, zones: ZoneCatalogue): SeedProblem[] {
  return seedIds(seedsFolder).flatMap((id) => {
    const file = join('seeds', `${id}.json`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(seedsFolder, `${id}.json`), 'utf8'));
    } catch (error) {
      return [{ file, entry: '(seed)', problem: `not JSON: ${(error as Error).message}` }];
    }
    const textFile = join(seedsFolder, String((json as { file?: unknown }).file ?? `${id}.txt`));
    const text = existsSync(textFile)
      ? readDocumentText(readFileSync(textFile, 'utf8'), (json as { tables?: [] }).tables ?? [])
      : undefined;
    return checkSeed(file, json, text, zones);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkSeeds(join(projectRoot, 'seeds'), zoneCatalogue(projectRoot));
  for (const { file, entry, problem } of problems) console.log(`${file}: ${entry}: ${problem}`);
  const count = seedIds(join(projectRoot, 'seeds')).length;
  console.log(problems.length === 0 ? `${count} seeds checked: no problems` : `${problems.length} problems in ${count} seeds`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

/** Types of bundled.cjs's one export, for the TypeScript that calls it (the benchmark bundles its floor with it). */
export function buildBundle(entryPoints: string[], base: string, folder: string): Promise<string[]>;

/**
 * The streamed formats of a site file, by its name alone: a module of its own, importing nothing, so that the screen
 * command's launcher can choose its threads (src/cli/thread-count.ts) before the readers load.
 */
export type StreamFormat = 'csv' | 'geojson' | 'geojsonl' | 'flatgeobuf';

/** The format of a file, by its extension; undefined for one the streaming reader does not take. */
export function streamFormatOf(name: string): StreamFormat | undefined {
  const extension = /\.([^./]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (['csv', 'tsv', 'txt'].includes(extension)) return 'csv';
  if (['geojson', 'json'].includes(extension)) return 'geojson';
  if (['geojsonl', 'geojsons', 'ndjson', 'jsonl'].includes(extension)) return 'geojsonl';
  if (extension === 'fgb') return 'flatgeobuf';
  return undefined;
}

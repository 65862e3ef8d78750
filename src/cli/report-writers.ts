import type { Report } from '../screening/report.ts';

/** Output formats of the screening CLI, one report per input in input order. */
export const formats = ['json', 'csv', 'geojson'] as const;
export type Format = (typeof formats)[number];

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The zones a report names, once each, sorted: the same list the batch path gives for a point. */
export const zoneList = (report: Report) => [...new Set(report.hits.map((hit) => hit.zoneId))].sort();

/**
 * Text for each part of the output. json: JSON Lines, one report a line with the input's id first; csv: id,
 * verdict and the zones hit (semicolon-separated), the columns the batch path can fill too; geojson: a
 * FeatureCollection of the inputs with their report in `properties.report`.
 */
export const writers: Record<Format, {
  start: string;
  row: (id: string, verdict: string, zones: string[], report?: Report, geometry?: unknown, first?: boolean) => string;
  end: string;
}> = {
  json: {
    start: '',
    row: (id, _verdict, _zones, report) => `${JSON.stringify({ id, ...report })}\n`,
    end: '',
  },
  csv: {
    start: 'id,verdict,zones\n',
    row: (id, verdict, zones) => `${[id, verdict, zones.join(';')].map(csvField).join(',')}\n`,
    end: '',
  },
  geojson: {
    start: '{"type":"FeatureCollection","features":[\n',
    row: (id, verdict, _zones, report, geometry, first) =>
      `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', id, geometry, properties: { id, verdict, report } })}`,
    end: '\n]}\n',
  },
};

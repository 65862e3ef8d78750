import { layerDefinitions } from '../../layers/registry.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { Report } from '../screening/report.ts';
import type { Lang } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import type { ReportRequest } from './events.ts';
import { today, type Save } from './files.ts';

/** What the printed report shows: the element src/components/print-report.ts lays it out. */
export interface PrintPage {
  report: Report;
  /** The decorated map, as a PNG data URL. */
  mapImage: string;
  lang: Lang;
  /** The capacity the user typed, in MW, or empty. */
  capacity: string;
  /** The visible thematic layers, named under the map. */
  layers: LayerDefinition[];
  date: string;
}

export interface ReportExportHost {
  readonly store: Store;
  readonly save: Save;
  report(): Report | undefined;
  exportPng(scale: number): Promise<string>;
  /** Shows the page and opens the print dialog. */
  print(page: PrintPage): void | Promise<void>;
}

/** The screening report of the current site, saved as GeoJSON or CSV, or printed with the map. */
export async function exportReport(host: ReportExportHost, { format, capacity }: ReportRequest): Promise<void> {
  const { site, lang, layers } = host.store.state;
  const report = host.report();
  if (!site || !report) return;
  if (format === 'print') {
    const visible = layerDefinitions.filter((layer) => layer.properties && layers[layer.id]?.visible);
    await host.print({ report, mapImage: await host.exportPng(1), lang, capacity, layers: visible, date: today() });
    return;
  }
  // The one report writer, as the CLI writes it: the same row, in the interface language.
  const [{ reportMediaTypes, reportText }, { documentTitles }, { catalogueLoaded }] = await Promise.all([
    import('../report/writers.ts'), import('../report/document-title.ts'), import('../documents/catalogue.ts'),
  ]);
  const record = { id: 'site', geometry: site, report, extra: capacity ? { capacityMw: Number(capacity) } : {} };
  const text = reportText(format, [record], lang, documentTitles(await catalogueLoaded));
  await host.save(new Blob([text], { type: reportMediaTypes[format] }), `screening-${report.projectType}-${report.verdict}.${format}`);
}

import { layerDefinitions } from '../../layers/registry.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Citation } from '../schema/citation.ts';
import type { Passage } from '../documents/passage.ts';
import type { Report } from '../screening/report.ts';
import { projectTypes } from '../schema/project-type.ts';
import type { Lang } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import type { ReportRequest } from './events.ts';
import { today, type Save } from './files.ts';
import type { Box } from './screening-session.ts';

/** What the printed report shows: the element src/components/print-report.ts lays it out. */
export interface PrintPage {
  report: Report;
  /** The decorated map, as a PNG data URL. */
  mapImage: string;
  lang: Lang;
  /** The capacity the user typed, in the project type's unit, or empty. */
  capacity: string;
  /** Where the site came from ("site.shp.zip", "粘贴 5 点", "手绘面"). */
  source: Bilingual | undefined;
  /** The region outline with the site and the map's frame, for the locator inset; undefined without the outline. */
  locator: Locator | undefined;
  /** The whole sentence each citation of the report quotes from (the texts load before the page is laid out, since
   * it is printed at once); undefined where a text could not load, and the quote is printed alone. */
  passage: (citation: Citation) => Passage | undefined;
  /** The visible thematic layers, named under the map. */
  layers: LayerDefinition[];
  date: string;
}

/** Polygons of the region (outer rings, simplified for a thumbnail), the site's centroid and the printed map's box. */
export interface Locator {
  rings: [number, number][][];
  site: [number, number];
  frame: Box;
}

/** The zone that outlines the region in the locator (the seeds' default jurisdiction). */
const regionZone = { layer: 'admin-regions', id: 'inner-mongolia' };

export interface ReportExportHost {
  readonly store: Store;
  readonly save: Save;
  report(): Report | undefined;
  /** Where the site came from, as the card is headed. */
  source(): Bilingual | undefined;
  /** The box that shows the site and its zones. */
  frame(): Box | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  exportPng(scale: number, frame?: Box): Promise<string>;
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
    // The printed map shows the site's extent whatever the live view shows; the locator places it in the region.
    const frame = host.frame();
    const cited = [...report.hits.flatMap((hit) => hit.cite ?? []), ...report.untestable.map((entry) => entry.cite)];
    const [mapImage, passage] = await Promise.all([
      host.exportPng(1, frame),
      import('../documents/texts.ts').then(({ loadPassages }) => loadPassages(cited.map((cite) => cite.doc))),
    ]);
    await host.print({
      report,
      mapImage,
      passage,
      lang,
      capacity,
      layers: visible,
      date: today(),
      source: host.source(),
      locator: frame && locator(host.collections(), report.site.centroid, frame),
    });
    return;
  }
  // The one report writer, as the CLI writes it: the same row, in the interface language.
  const [{ reportMediaTypes, reportText }, { documentTitles }, { documentCatalogue }] = await Promise.all([
    import('../report/writers.ts'),
    import('../report/document-title.ts'),
    import('../documents/catalogue.ts'),
  ]);
  const unit = projectTypes[report.projectType].capacityUnit;
  const record = {
    id: 'site',
    geometry: site,
    report,
    extra: capacity ? { capacity: Number(capacity), capacityUnit: unit?.zh ?? null } : {},
  };
  const text = reportText(format, [record], lang, documentTitles(documentCatalogue()));
  await host.save(new Blob([text], { type: reportMediaTypes[format] }), `screening-${report.projectType}-${report.verdict}.${format}`);
}

function locator(collections: ReadonlyMap<string, FeatureCollection>, site: [number, number], frame: Box): Locator | undefined {
  const region = collections.get(regionZone.layer)?.features.find((feature) => feature.properties?.['id'] === regionZone.id);
  if (!region?.geometry || (region.geometry.type !== 'Polygon' && region.geometry.type !== 'MultiPolygon')) return undefined;
  // About 5 km: finer than the inset can show, and a few hundred points instead of the full outline's thousands.
  const thumbnail = simplify(region as Feature<Polygon | MultiPolygon>, { tolerance: 0.05, highQuality: false });
  const polygons = thumbnail.geometry.type === 'Polygon' ? [thumbnail.geometry.coordinates] : thumbnail.geometry.coordinates;
  return { rings: polygons.map((polygon) => polygon[0]!.map(([x, y]) => [x!, y!] as [number, number])), site, frame };
}

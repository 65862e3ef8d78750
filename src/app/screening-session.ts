import type { Feature, FeatureCollection } from 'geojson';
import type { MapController } from '../map/map-controller.ts';
import { outlineLayer } from '../map/outline-layer.ts';
import type { DrawKind } from '../map/draw-tool.ts';
import { siteGeometrySchema, type SiteGeometry } from '../schema/geometry.ts';
import type { Report } from '../screening/report.ts';
import type { Screener } from '../screening/screener.ts';
import type { Store } from '../state/store.ts';
import type { PastedSite } from '../components/screening-panel.ts';

/** Files over this are refused before they are read: the parsers' own limit, checked without loading the bytes. */
const maxUploadBytes = 50 * 1024 * 1024;

interface Host {
  readonly store: Store;
  controller(): MapController | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  dataVersion(): string;
  requestUpdate(): void;
}

/**
 * The screening side of the atlas: keeps the report in step with the state's site and project type, draws the site
 * and its hits over the map, and turns drawings, uploads and pasted coordinates into a site. A refused input leaves
 * the site the user had untouched.
 */
export class ScreeningSession {
  report: Report | undefined;
  problem = '';
  notes: string[] = [];
  drawing: DrawKind | '' = '';
  #screener: Promise<Screener> | undefined;
  #computed = '';
  #pending: Promise<Report | undefined> = Promise.resolve(undefined);

  constructor(private readonly host: Host) {}

  /** The engine, built once from the loaded datasets and the bundled seeds. */
  screener(): Promise<Screener> {
    this.#screener ??= (async () => {
      const [{ createScreener }, { bundledSeeds }] = await Promise.all([
        import('../screening/screener.ts'), import('../data/bundled-seeds.ts'),
      ]);
      return createScreener({ collections: this.host.collections(), seeds: bundledSeeds, dataVersion: this.host.dataVersion() });
    })();
    return this.#screener;
  }

  /** Recomputes the report when the site or the project type changed; resolves with the current report. */
  update(): Promise<Report | undefined> {
    const { site, projectType } = this.host.store.state;
    const key = JSON.stringify([site, projectType]);
    if (key === this.#computed) return this.#pending;
    this.#computed = key;
    this.#pending = (async () => {
      let report: Report | undefined;
      try {
        report = site && projectType ? (await this.screener()).screen(site, projectType) : undefined;
      } catch (error) {
        this.#refuseError(error);
      }
      // A later change may have started its own computation meanwhile: only the latest one is shown.
      if (key === this.#computed) {
        this.report = report;
        this.#drawOverlay(site);
        this.host.requestUpdate();
      }
      return report;
    })();
    return this.#pending;
  }

  draw(kind: DrawKind): void {
    const controller = this.host.controller();
    if (!controller) return;
    this.drawing = kind;
    controller.draw.start(kind, {
      change: (vertices) => controller.setOverlayLayer('drawing', preview(vertices, kind)),
      finish: (geometry) => {
        controller.setOverlayLayer('drawing', undefined);
        this.drawing = '';
        this.setSite(geometry, []);
      },
      cancel: () => {
        controller.setOverlayLayer('drawing', undefined);
        this.drawing = '';
        this.host.requestUpdate();
      },
    });
    controller.map.getCanvas().focus();
    this.host.requestUpdate();
  }

  async upload(file: { name: string; size: number; read(): Promise<ArrayBuffer> }): Promise<void> {
    const lang = this.host.store.state.lang;
    if (file.size > maxUploadBytes) {
      this.#refuse(lang === 'zh' ? `${file.name}：${(file.size / 1048576).toFixed(1)} MB，超过50 MB上限；已保留原选址。`
        : `${file.name}: ${(file.size / 1048576).toFixed(1)} MB is over the 50 MB limit; your site is unchanged.`);
      return;
    }
    try {
      const { parseSiteFile } = await import('../site-input/site-file.ts');
      const input = await parseSiteFile(file.name, new Uint8Array(await file.read()));
      this.setSite(flat(input.geometry), lang === 'zh' ? input.warningsZh : input.warnings);
    } catch (error) {
      this.#refuseError(error, file.name);
    }
  }

  async paste(pasted: PastedSite): Promise<void> {
    try {
      const { parseCoordinateText } = await import('../site-input/coordinate-text.ts');
      const input = parseCoordinateText(pasted.text, {
        datum: pasted.datum, zoneWidth: pasted.zoneWidth,
        ...(pasted.centralMeridian !== undefined ? { centralMeridian: pasted.centralMeridian } : {}),
      });
      this.setSite(flat(input.geometry), this.host.store.state.lang === 'zh' ? input.warningsZh : input.warnings);
    } catch (error) {
      this.#refuseError(error);
    }
  }

  setSite(site: SiteGeometry | null, notes: string[]): void {
    this.problem = '';
    this.notes = notes;
    this.host.store.update((state) => ({ ...state, site, panel: 'screening' }));
  }

  #refuseError(error: unknown, where?: string): void {
    const lang = this.host.store.state.lang;
    const bilingual = error as { zh?: string; en?: string; message?: string };
    const text = (lang === 'zh' ? bilingual.zh : bilingual.en) ?? bilingual.message ?? String(error);
    this.#refuse(`${where ? `${where}: ` : ''}${text}${lang === 'zh' ? '（已保留原选址）' : ' (your site is unchanged)'}`);
  }

  #refuse(text: string): void {
    this.problem = text;
    this.host.requestUpdate();
  }

  /** The site in blue, and the zones that restrict it outlined in red. */
  #drawOverlay(site: SiteGeometry | null): void {
    const controller = this.host.controller();
    if (!controller) return;
    const siteFeatures: Feature[] = site ? [{ type: 'Feature', geometry: site, properties: {} }] : [];
    controller.setOverlayLayer('site', outlineLayer('site', siteFeatures, [13, 71, 161, 255], [21, 101, 192, 50]));
    const hitIds = new Set((this.report?.hits ?? []).filter((hit) => hit.verdict !== 'clear').map((hit) => `${hit.layer}/${hit.zoneId}`));
    const features = [...this.host.collections()].flatMap(([layer, collection]) =>
      collection.features.filter((feature) => hitIds.has(`${layer}/${String(feature.properties?.['id'])}`)));
    controller.setOverlayLayer('screening-hits', outlineLayer('screening-hits', features, [198, 40, 40, 255]));
  }
}

/** The state keeps longitude and latitude only: heights from a file are dropped, then the geometry is checked. */
function flat(geometry: unknown): SiteGeometry {
  const walk = (value: unknown): unknown => Array.isArray(value) && typeof value[0] === 'number' ? value.slice(0, 2)
    : Array.isArray(value) ? value.map(walk) : value;
  const { type, coordinates } = geometry as { type: string; coordinates: unknown };
  return siteGeometrySchema.parse({ type, coordinates: walk(coordinates) });
}

/** The vertices drawn so far, joined up (and closed, for a polygon). */
function preview(vertices: [number, number][], kind: DrawKind) {
  const features: Feature[] = vertices.map((coordinates) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: {} }));
  if (vertices.length > 1) {
    const path = kind === 'polygon' ? [...vertices, vertices[0]!] : vertices;
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: {} });
  }
  return outlineLayer('drawing', features, [13, 71, 161, 255], [13, 71, 161, 255]);
}

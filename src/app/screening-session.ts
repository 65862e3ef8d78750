import type { Feature, FeatureCollection } from 'geojson';
import type { DrawKind } from '../map/draw-tool.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { siteGeometrySchema, type SiteGeometry } from '../schema/geometry.ts';
import type { Report } from '../screening/report.ts';
import type { Screener } from '../screening/screener.ts';
import { verdicts } from '../screening/verdict.ts';
import { fileTooLarge, SITE_LIMITS } from '../site-input/limits.ts';
import type { Store } from '../state/store.ts';
import type { AtlasMap, Outline } from './atlas-map.ts';
import { IncompleteDataError, type MissingData } from './incomplete-data.ts';
import type { PastedSite, SiteFile } from './events.ts';
import { verdictRgba, type Rgba } from './verdict-colours.ts';

export interface ScreeningHost {
  readonly store: Store;
  map(): AtlasMap | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  screener(): Promise<Screener>;
  /** Something shown changed: the element renders again. */
  changed(): void;
}

const siteLine: Rgba = [13, 71, 161, 255];

/**
 * The screening side of the atlas: keeps the report in step with the state's site and project type, draws the site
 * and its hits over the map, and turns drawings, uploads and pasted coordinates into a site. A refused input leaves
 * the site the user had untouched.
 */
export class ScreeningSession {
  report: Report | undefined;
  problem = '';
  notes: Bilingual[] = [];
  drawing: DrawKind | '' = '';
  /** Data the screening needs that did not load: the card reads "incomplete" and names it, and gives no verdict. */
  incomplete: readonly MissingData[] = [];
  #computed = '';
  #pending: Promise<Report | undefined> = Promise.resolve(undefined);

  constructor(private readonly host: ScreeningHost) {}

  /** Recomputes the report when the site or the project type changed; resolves with the current report. */
  update(): Promise<Report | undefined> {
    const { site, projectType } = this.host.store.state;
    const key = JSON.stringify([site, projectType]);
    if (key === this.#computed) return this.#pending;
    this.#computed = key;
    this.#pending = (async () => {
      let report: Report | undefined;
      let incomplete: readonly MissingData[] = [];
      try {
        report = site && projectType ? (await this.host.screener()).screen(site, projectType) : undefined;
      } catch (error) {
        // The site is already the state's here: say why it cannot be screened, not that it was kept.
        if (error instanceof IncompleteDataError) incomplete = error.missing;
        else this.#refuseError(error, undefined, false);
      }
      // A later change may have started its own computation meanwhile: only the latest one is shown.
      if (key === this.#computed) {
        this.report = report;
        this.incomplete = incomplete;
        this.#drawOverlay(site);
        this.host.changed();
      }
      return report;
    })();
    return this.#pending;
  }

  draw(kind: DrawKind): void {
    const map = this.host.map();
    if (!map) return;
    this.drawing = kind;
    map.draw(kind, {
      change: (vertices) => map.setOutline('drawing', preview(vertices, kind)),
      finish: (geometry) => {
        map.setOutline('drawing', undefined);
        this.drawing = '';
        this.setSite(geometry, []);
      },
      cancel: () => {
        map.setOutline('drawing', undefined);
        this.drawing = '';
        this.host.changed();
      },
    });
    this.host.changed();
  }

  async upload(file: SiteFile): Promise<void> {
    if (file.size > SITE_LIMITS.fileBytes) {
      this.#refuseError({ text: fileTooLarge(file.name, file.size) });
      return;
    }
    try {
      const { readSiteFile } = await import('../site-input/index.ts');
      const input = await readSiteFile(file.name, new Uint8Array(await file.read()));
      this.setSite(flat(input.geometry), input.warnings);
    } catch (error) {
      this.#refuseError(error, file.name);
    }
  }

  async paste(pasted: PastedSite): Promise<void> {
    try {
      const { readSiteText } = await import('../site-input/index.ts');
      const input = await readSiteText(pasted.text, {
        datum: pasted.datum, zoneWidth: pasted.zoneWidth,
        ...(pasted.centralMeridian !== undefined ? { centralMeridian: pasted.centralMeridian } : {}),
      });
      this.setSite(flat(input.geometry), input.warnings);
    } catch (error) {
      this.#refuseError(error);
    }
  }

  setSite(site: SiteGeometry | null, notes: Bilingual[]): void {
    this.problem = '';
    this.notes = notes;
    this.host.store.update((state) => ({ ...state, site, panel: 'screening' }));
  }

  #refuseError(error: unknown, where?: string, kept = true): void {
    const lang = this.host.store.state.lang;
    const bilingual = error as { text?: Bilingual; message?: string };
    const text = bilingual.text?.[lang] ?? bilingual.message ?? String(error);
    const unchanged = kept ? (lang === 'zh' ? '（已保留原选址）' : ' (your site is unchanged)') : '';
    this.#refuse(`${where ? `${where}: ` : ''}${text}${unchanged}`);
  }

  #refuse(text: string): void {
    this.problem = text;
    this.host.changed();
  }

  /** The site in blue, and each zone that restricts it outlined in its verdict's colour. */
  #drawOverlay(site: SiteGeometry | null): void {
    const map = this.host.map();
    if (!map) return;
    map.setOutline('site', site ? { features: [{ type: 'Feature', geometry: site, properties: {} }], line: siteLine, fill: [21, 101, 192, 50] } : undefined);
    const hits = (this.report?.hits ?? []).filter((hit) => hit.verdict !== 'clear');
    for (const verdict of verdicts.filter((verdict) => verdict !== 'clear')) {
      const ids = new Set(hits.filter((hit) => hit.verdict === verdict).map((hit) => `${hit.layer}/${hit.zoneId}`));
      const features = [...this.host.collections()].flatMap(([layer, collection]) =>
        collection.features.filter((feature) => ids.has(`${layer}/${String(feature.properties?.['id'])}`)));
      map.setOutline(`screening-hits-${verdict}`, features.length > 0 ? { features, line: verdictRgba(verdict) } : undefined);
    }
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
function preview(vertices: [number, number][], kind: DrawKind): Outline | undefined {
  const features: Feature[] = vertices.map((coordinates) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: {} }));
  if (vertices.length > 1) {
    const path = kind === 'polygon' ? [...vertices, vertices[0]!] : vertices;
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: {} });
  }
  return features.length > 0 ? { features, line: siteLine, fill: siteLine } : undefined;
}

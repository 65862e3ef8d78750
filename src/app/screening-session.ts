import type { Feature, FeatureCollection } from 'geojson';
import type { DrawKind } from '../map/draw-tool.ts';
import { siteGeometrySchema, type SiteGeometry } from '../schema/geometry.ts';
import type { Report } from '../screening/report.ts';
import type { Screener } from '../screening/screener.ts';
import { verdicts } from '../screening/verdict.ts';
import type { Store } from '../state/store.ts';
import type { AtlasMap, Outline } from './atlas-map.ts';
import type { PastedSite, SiteFile } from './events.ts';
import { verdictRgba, type Rgba } from './verdict-colours.ts';

/** Files over this are refused before they are read: the parsers' own limit, checked without loading the bytes. */
const maxUploadBytes = 50 * 1024 * 1024;

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
  notes: string[] = [];
  drawing: DrawKind | '' = '';
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
      try {
        report = site && projectType ? (await this.host.screener()).screen(site, projectType) : undefined;
      } catch (error) {
        this.#refuseError(error);
      }
      // A later change may have started its own computation meanwhile: only the latest one is shown.
      if (key === this.#computed) {
        this.report = report;
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

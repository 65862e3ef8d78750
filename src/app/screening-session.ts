import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { DrawKind } from '../map/draw-tool.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { siteGeometrySchema, type SiteGeometry } from '../schema/geometry.ts';
import type { Report } from '../screening/report.ts';
import type { SiteScreener } from '../screening/screen-client.ts';
import { verdictCode, type Verdict } from '../screening/verdict.ts';
import type { SiteReader } from '../site-input/read-client.ts';
import type { SiteInput } from '../site-input/site-input.ts';
import type { Store } from '../state/store.ts';
import type { AtlasMap, Outline } from './atlas-map.ts';
import { IncompleteDataError, type MissingData } from './incomplete-data.ts';
import type { PastedSite, SiteFile } from './events.ts';
import { verdictColours, type Rgba } from './verdict-colours.ts';

export interface ScreeningHost {
  readonly store: Store;
  map(): AtlasMap | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  screener(): Promise<SiteScreener>;
  /** Something shown changed: the element renders again. */
  changed(): void;
}

const siteLine: Rgba = [13, 71, 161, 255];

/**
 * Layers whose zones are whole areas (the region, a league, a basin): their rules are shown in the card, but
 * painting them would cover the map, so they are neither coloured nor framed; their edges get a band when in doubt.
 */
const areaLayers = new Set(['admin-regions', 'river-basins']);
/** Framing stops short of showing a whole belt or area that a site only touches: beyond this span the site alone is framed. */
const maxFrameDegrees = 6;

const drawnLabel: Record<DrawKind, Bilingual> = {
  point: { zh: '手绘点', en: 'drawn point' },
  line: { zh: '手绘线', en: 'drawn line' },
  polygon: { zh: '手绘面', en: 'drawn polygon' },
};
const pastedLabel: Bilingual = { zh: '粘贴的坐标', en: 'pasted coordinates' };
const linkLabel: Bilingual = { zh: '链接中的选址', en: 'site from the link' };
const setLabel: Bilingual = { zh: '已设定的选址', en: 'site as set' };

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
  /** Where the site came from, heading the card: a file name, "粘贴 5 点", "手绘面", the link. */
  source: Bilingual | undefined;
  /** What is being read in the site worker (a file name, the pasted text), while it is: the panel offers to cancel. */
  reading: Bilingual | undefined;
  #reader: SiteReader | undefined;
  #computed = '';
  /** The site the source label belongs to: a site set any other way (window.atlas.setState) gets the plain label. */
  #sourceSite = '';
  /**
   * Whether the next report frames the map on the site and its zones: always for a site the user gives; for a link's
   * site only when the link's own view does not show it (a view chosen by whoever made the link is kept).
   */
  #frame: 'always' | 'if-hidden' | 'no' = 'no';
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
        report = site && projectType ? await (await this.host.screener()).screen(site, projectType) : undefined;
      } catch (error) {
        // The site is already the state's here: say why it cannot be screened, not that it was kept.
        if (error instanceof IncompleteDataError) incomplete = error.missing;
        else this.#refuseError(error, undefined, false);
      }
      // A later change may have started its own computation meanwhile: only the latest one is shown.
      if (key === this.#computed) {
        this.report = report;
        this.incomplete = incomplete;
        if (JSON.stringify(site) !== this.#sourceSite) this.source = site ? setLabel : undefined;
        const drawn = this.#drawOverlay(site, key);
        const frame = this.#frame !== 'no' ? this.frame() : undefined;
        const map = this.host.map();
        if (
          frame &&
          map &&
          (this.#frame === 'always' || !contains(map.bounds(), bbox({ type: 'Feature', geometry: site!, properties: {} }) as Box))
        ) {
          void map.flyToBounds(frame);
        }
        this.#frame = 'no';
        this.host.changed();
        await drawn;
      }
      return report;
    })();
    return this.#pending;
  }

  draw(kind: DrawKind): void {
    const map = this.host.map();
    if (!map) return;
    this.drawing = kind;
    const drawing = map.draw(kind, {
      change: (vertices) => map.setOutline('drawing', preview(vertices, kind)),
      finish: (geometry) => {
        map.setOutline('drawing', undefined);
        this.drawing = '';
        this.setSite(geometry, [], drawnLabel[kind]);
      },
      cancel: () => {
        map.setOutline('drawing', undefined);
        this.drawing = '';
        this.host.changed();
      },
    });
    this.host.changed();
    // The draw tool loads with the first drawing: a tool that cannot load leaves the site as it was, and says why.
    drawing.catch((error: unknown) => {
      this.drawing = '';
      this.#refuseError(error);
    });
  }

  async upload(file: SiteFile): Promise<void> {
    const { fileTooLarge, SITE_LIMITS } = await import('../site-input/limits.ts');
    if (file.size > SITE_LIMITS.fileBytes) {
      this.#refuseError({ text: fileTooLarge(file.name, file.size) });
      return;
    }
    const name = { zh: file.name, en: file.name };
    await this.#read(
      name,
      async (reader) => reader.file(file.name, new Uint8Array(await file.read())),
      (input) => {
        this.setSite(flat(input.geometry), input.warnings, name);
      },
      file.name,
    );
  }

  async paste(pasted: PastedSite): Promise<void> {
    const options = {
      datum: pasted.datum,
      zoneWidth: pasted.zoneWidth,
      ...(pasted.centralMeridian !== undefined ? { centralMeridian: pasted.centralMeridian } : {}),
    };
    await this.#read(
      pastedLabel,
      (reader) => reader.text(pasted.text, options),
      (input) => {
        const site = flat(input.geometry);
        const points = vertexCount(site);
        this.setSite(site, input.warnings, { zh: `粘贴 ${points} 点`, en: `pasted ${points} point${points === 1 ? '' : 's'}` });
      },
    );
  }

  /** Stops the read in progress: the site before stays, and nothing is said, since the reviewer asked for it. */
  cancelRead(): void {
    this.#reader?.cancel();
    this.reading = undefined;
    this.host.changed();
  }

  /**
   * Reads a site off the main thread (a file near the size limit takes seconds to parse and repair) while the panel
   * shows what is read with a cancel button; a newer read replaces an older one. The worker's client loads with the
   * first read, not with the first view.
   */
  async #read(
    what: Bilingual,
    read: (reader: SiteReader) => Promise<SiteInput>,
    use: (input: SiteInput) => void,
    file?: string,
  ): Promise<void> {
    this.reading = what;
    this.host.changed();
    const { SiteReadCancelled, siteReader } = await import('../site-input/read-client.ts');
    // Cancelled while the client loaded: there is nothing to stop, and nothing to read.
    if (this.reading !== what) return;
    this.#reader ??= siteReader();
    try {
      const input = await read(this.#reader);
      this.reading = undefined;
      use(input);
    } catch (error) {
      if (error instanceof SiteReadCancelled) return;
      this.reading = undefined;
      this.#refuseError(error, file);
    }
  }

  /** A site the user gave (drawn, pasted, uploaded; null clears it): the map frames it once it is screened. */
  setSite(site: SiteGeometry | null, notes: Bilingual[], source?: Bilingual): void {
    this.problem = '';
    this.notes = notes;
    this.#label(site, source);
    this.host.store.update((state) => ({ ...state, site, panel: 'screening' }));
  }

  /** The link opened with a site: it is labelled as the link's and framed like one the user gave. */
  openedFromLink(): void {
    const { site } = this.host.store.state;
    if (!site) return;
    this.#label(site, linkLabel);
    this.#frame = 'if-hidden';
  }

  #label(site: SiteGeometry | null, source: Bilingual | undefined): void {
    this.source = site ? source : undefined;
    this.#sourceSite = JSON.stringify(site);
    this.#frame = site ? 'always' : 'no';
  }

  /**
   * The box (west, south, east, north) that shows the site and the zones that decide its verdict, not whole areas
   * such as the region; when those zones reach far, the site alone. Undefined without a site.
   */
  frame(): Box | undefined {
    const { site } = this.host.store.state;
    if (!site) return undefined;
    const feature: Feature = { type: 'Feature', geometry: site, properties: {} };
    const zones = this.#zoneFeatures((hit) => hit.verdict !== 'clear' && !areaLayers.has(hit.layer)).map((zone) => zone.feature);
    const box = bbox({ type: 'FeatureCollection', features: [feature, ...zones] }) as Box;
    const wide = box[2] - box[0] > maxFrameDegrees || box[3] - box[1] > maxFrameDegrees;
    return padded(wide ? (bbox(feature) as Box) : box);
  }

  /** The features of the zones whose hits pass `keep`, each with the worst verdict among those hits. */
  #zoneFeatures(keep: (hit: Report['hits'][number]) => boolean): { feature: Feature; verdict: Verdict }[] {
    const worst = new Map<string, Verdict>();
    for (const hit of this.report?.hits ?? []) {
      if (!keep(hit)) continue;
      const key = `${hit.layer}/${hit.zoneId}`;
      const before = worst.get(key);
      if (!before || verdictCode(hit.verdict) > verdictCode(before)) worst.set(key, hit.verdict);
    }
    return [...this.host.collections()].flatMap(([layer, collection]) =>
      collection.features.flatMap((feature) => {
        const verdict = worst.get(`${layer}/${String(feature.properties?.['id'])}`);
        return verdict ? [{ feature, verdict }] : [];
      }),
    );
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

  /**
   * The site in blue; each zone it hits coloured by its worst verdict (keeping its own solid or dashed edge); a band
   * as wide as the accuracy along every edge the verdict is in doubt about; the other layers dimmed meanwhile.
   */
  async #drawOverlay(site: SiteGeometry | null, key: string): Promise<void> {
    const map = this.host.map();
    if (!map) return;
    map.setOutline(
      'site',
      site ? { features: [{ type: 'Feature', geometry: site, properties: {} }], line: siteLine, fill: [21, 101, 192, 50] } : undefined,
    );
    if (!site || !this.report) {
      map.setScreening(undefined);
      return;
    }
    const zones = this.#zoneFeatures((hit) => hit.verdict !== 'clear' && !areaLayers.has(hit.layer)).map(({ feature, verdict }) => ({
      ...feature,
      properties: { ...feature.properties, colour: verdictColours[verdict] },
    }));
    const bands = await this.#bands(site);
    // A later change may have drawn its own overlay while the bands were made.
    if (key === this.#computed) map.setScreening({ zones, bands });
  }

  /**
   * The bands of the zone and area edges the site is within the accuracy of, along the stretch near the site. Turf's
   * buffer (with the JTS port under it) loads with the first band, not with the atlas.
   */
  async #bands(site: SiteGeometry): Promise<Feature[]> {
    const bands = new Map<string, { accuracyKm: number; verdict: Verdict }>();
    for (const hit of this.report?.hits ?? []) {
      for (const doubt of hit.doubts) {
        const accuracyKm =
          doubt.code === 'zone-edge' ? hit.accuracyKm : doubt.code === 'jurisdiction-edge' ? hit.jurisdiction?.accuracyKm : undefined;
        if (!accuracyKm) continue;
        const verdict = hit.ruleVerdict ?? hit.verdict;
        const before = bands.get(doubt.zoneId);
        if (!before || verdictCode(verdict) > verdictCode(before.verdict)) bands.set(doubt.zoneId, { accuracyKm, verdict });
      }
    }
    if (bands.size === 0) return [];
    const { accuracyBand } = await import('../map/accuracy-band.ts');
    const near = bbox({ type: 'Feature', geometry: site, properties: {} }) as Box;
    return [...this.host.collections().values()].flatMap((collection) =>
      collection.features.flatMap((feature) => {
        const band = bands.get(String(feature.properties?.['id']));
        return band
          ? accuracyBand(feature, band.accuracyKm, near).map((polygon) => ({
              ...polygon,
              properties: { colour: verdictColours[band.verdict] },
            }))
          : [];
      }),
    );
  }
}

export type Box = [number, number, number, number];

const contains = (outer: Box, inner: Box) => outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

/** A point's box grows to about 10 km a side, so that framing it does not zoom in all the way. */
function padded([west, south, east, north]: Box): Box {
  const half = 0.05;
  return east - west < 2 * half && north - south < 2 * half
    ? [(west + east) / 2 - half, (south + north) / 2 - half, (west + east) / 2 + half, (south + north) / 2 + half]
    : [west, south, east, north];
}

/** The points a site was given by, each once (a ring's closing point is its first again). */
function vertexCount(site: SiteGeometry): number {
  const points = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') points.add(`${value[0]},${value[1]}`);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(site.coordinates);
  return points.size;
}

/** The state keeps longitude and latitude only: heights from a file are dropped, then the geometry is checked. */
function flat(geometry: unknown): SiteGeometry {
  const walk = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number' ? value.slice(0, 2) : Array.isArray(value) ? value.map(walk) : value;
  const { type, coordinates } = geometry as { type: string; coordinates: unknown };
  return siteGeometrySchema.parse({ type, coordinates: walk(coordinates) });
}

/** The vertices drawn so far, joined up (and closed, for a polygon). */
function preview(vertices: [number, number][], kind: DrawKind): Outline | undefined {
  const features: Feature[] = vertices.map((coordinates) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: {},
  }));
  if (vertices.length > 1) {
    const path = kind === 'polygon' ? [...vertices, vertices[0]!] : vertices;
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: {} });
  }
  return features.length > 0 ? { features, line: siteLine, fill: siteLine } : undefined;
}

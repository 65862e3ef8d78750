import type { FeatureCollection } from 'geojson';
import { projectTypes, projectTypeSchema, type ProjectType } from '../schema/project-type.ts';
import type { Rule, ScreeningSeed } from '../schema/seed.ts';
import { conclude } from './conclusion.ts';
import { ContactFinder, type Contact } from './contact.ts';
import { engineVersion } from './engine-version.ts';
import { round } from './figures.ts';
import { type EdgeFigure, edgeFigure, hitsOfZone, type ApplicableRule, type Met } from './hits.ts';
import { decidingPark, parkKind } from './parks.ts';
import { ScreeningInputError } from './input-error.ts';
import { NearestFinder } from './nearest.ts';
import { checkPoints, outsideRegion, regionUndecided, screenPointRange, type PointVerdicts } from './point-batch.ts';
import { builtEdgeGrids, type EdgeGrid, seedEdgeGrids } from './edge-grid.ts';
import { builtZoneGrid, seedZoneGrid, type ZoneGrid } from './point-search.ts';
import { contactsOfCodes, insideEdgeMatters, nearMatters, PointShaper, type PointShape, rasterFromPoints } from './point-shape.ts';
import type { Hit, Report, Warning } from './report.ts';
import { rasterizeZone, type RegionRaster } from './region-raster.ts';
import { ringsArea } from './ring-terms.ts';
import { RuleBook } from './rules.ts';
import { parseSite, type Site } from './site.ts';
import { untestableEntry } from './untestable.ts';
import { verdictCode, verdictOfCode } from './verdict.ts';
import { ZoneStoreBuilder, type ZoneStore } from './zone-store.ts';
import { zonesOfCollections, type ZoneInfo, type ZoneSource } from './zones.ts';

export type { PointShape } from './point-shape.ts';

export interface ScreenerOptions {
  /** Datasets by layer id, as readCollections returns them; every polygon feature with a zone_kind is a zone. */
  collections: ReadonlyMap<string, FeatureCollection>;
  seeds: readonly ScreeningSeed[];
  /** The manifest's version, quoted in every report. */
  dataVersion: string;
  /** Zones packed without GeoJSON (the benchmark's synthetic sets). */
  extraZones?: Iterable<ZoneSource>;
  /** Put the packed zones on SharedArrayBuffers so that worker threads can read them. */
  shared?: boolean;
}

/**
 * What a screener builds as points need it and keeps for the rest (by zone or ring index; undefined: not built; null:
 * the zone or ring needs none): the zones' rasters of its point shapes, the region's raster, the rings' edge grids and
 * the grid of point searches over the zones' boxes (point-search.ts; null: searches walk the tree). Each is a function
 * of the zones' rings and accuracy alone, so a screener over zones of the same content may take them
 * (Screener.seedGrids) instead of building them again.
 */
export interface BuiltGrids {
  zoneRasters: (RegionRaster | null | undefined)[];
  regionRaster: RegionRaster | undefined;
  edgeGrids: (EdgeGrid | null | undefined)[];
  zoneGrid: ZoneGrid | null | undefined;
}

/** How many rasters and grids a set holds (null entries count: each is a zone or ring found to need none). */
export const builtCount = ({ zoneRasters, regionRaster, edgeGrids, zoneGrid }: BuiltGrids): number =>
  zoneRasters.filter((raster) => raster !== undefined).length +
  edgeGrids.filter((grid) => grid !== undefined).length +
  (regionRaster ? 1 : 0) +
  (zoneGrid === undefined ? 0 : 1);

export interface Screener {
  readonly zones: readonly ZoneInfo[];
  readonly store: ZoneStore;
  readonly ruleBook: RuleBook;
  readonly dataVersion: string;
  /** Index of the Inner Mongolia outline among the zones, or -1 when the data has none. */
  readonly regionZone: number;
  /** The region rasterized for the batch path (built on first use), or undefined without a region. */
  regionRaster(): RegionRaster | undefined;
  screen(geometry: unknown, projectType: string): Report;
  /**
   * Where a point lies against the zones, as reports read it (PointShape); one object, overwritten by each call.
   * With a project type, as that type's CSV rows read it (zonesWhoseEdgesMatter): the zones the point is only near
   * whose edge cannot change a report of the type (no rule for the type, and not a jurisdiction, a park, the region or
   * a basin of an untestable rule) are left out, and the zones it is inside whose edge cannot change its row (no rule
   * for the type, and not a jurisdiction or a park) are written as though it lay deeper inside than their accuracy:
   * fewer shapes, each with fewer edges to measure. Two points of such a shape get the same CSV row but for their
   * figures; their JSON reports may differ in a hit's distance. Keys made with a type compare only with keys made
   * with the same type.
   */
  pointShape(x: number, y: number, projectType?: string): PointShape;
  /**
   * The report of a point of a shape (pointShape's codes with this type), with edgeMark(zone) in place of each edge
   * distance its doubts write, and no nearest zones: the CSV row of every point of the shape once each mark is replaced
   * by that point's figure for the zone. Made from the codes alone (contactsOfCodes), so that no thread measures the
   * point's edges twice; (x, y), a point of the shape, is only its site's centroid. A hit's distanceKm, which rows do
   * not write, reads the edge's accuracy there.
   */
  shapeTemplate(codes: ArrayLike<number>, x: number, y: number, projectType: string): Report;
  screenPoints(lonLat: Float64Array, projectType: string): PointVerdicts;
  /**
   * Per point, 1 where it lies outside the region and its accuracy band: no document applies there, and every such
   * point has the same report. Every other point's report is its shape's (pointShape, shapeTemplate). With
   * `leaveEdgeCells`, a point of the region raster's edge cells may get regionUndecided (point-batch.ts) instead: its
   * shape then tells (inRegion).
   */
  pointsOutsideRegion(lonLat: Float64Array, leaveEdgeCells?: boolean): Uint8Array;
  /**
   * Whether a point's shape (pointShape, with a type or without) places it in the region or within its accuracy band,
   * as a 0 of pointsOutsideRegion does: the shape lists the region exactly then, as the region's edge always matters
   * (zonesWhoseEdgesMatter). True of every shape where no region is loaded.
   */
  inRegion(shape: PointShape): boolean;
  /**
   * The shape (pointShape) of a point that pointsOutsideRegion(…, true) marked `mark`, 0 or regionUndecided; undefined
   * where the mark was regionUndecided and the shape places the point beyond the region and its band (inRegion), whose
   * row is then that of every point outside. The one place a leaveEdgeCells caller settles those points.
   */
  shapeInRegion(x: number, y: number, projectType: string, mark: number): PointShape | undefined;
  /** What it has built so far (BuiltGrids). */
  builtGrids(): BuiltGrids;
  /** Takes what another screener over zones of the same content built (BuiltGrids), used from the first point on. */
  seedGrids(grids: BuiltGrids): void;
}

/** The region outside which none of the five documents applies. */
export const regionId = 'inner-mongolia';

/** Code-point order: ids are ASCII, and the order must not depend on the machine's locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function checkProjectType(projectType: string): ProjectType {
  const parsed = projectTypeSchema.safeParse(projectType);
  if (!parsed.success) {
    throw new ScreeningInputError(
      `unknown project type ${JSON.stringify(projectType)}; expected one of: ${Object.keys(projectTypes).join(', ')}`,
    );
  }
  return parsed.data;
}

export function createScreener(options: ScreenerOptions): Screener {
  const builder = new ZoneStoreBuilder();
  const zones: ZoneInfo[] = [];
  const add = (source: ZoneSource) => {
    const index = builder.addZone(source.rings, source.info.accuracyKm, source.info.edgeAccuracy);
    if (index >= 0) zones.push({ ...source.info, index });
  };
  for (const source of zonesOfCollections(options.collections)) add(source);
  for (const source of options.extraZones ?? []) add(source);
  return screenerOver(builder.finish(options.shared), zones, options);
}

/**
 * A screener over zones already packed: a worker thread's, over the shared store of another thread's screener.
 * `regionRaster`: that screener's (Screener.regionRaster), so that the thread does not rasterize the region again.
 */
export function screenerOver(
  store: ZoneStore,
  zones: readonly ZoneInfo[],
  options: Pick<ScreenerOptions, 'seeds' | 'dataVersion'> & { regionRaster?: RegionRaster | undefined },
): Screener {
  const ruleBook = new RuleBook(options.seeds, zones, regionId);
  const regionZone = zones.find((zone) => zone.id === regionId && zone.zoneKind === 'region')?.index ?? -1;
  const finder = new ContactFinder(store);
  const nearest = new NearestFinder(store, zones, finder.distances);
  const context = { zones, store, ruleBook, regionZone, finder, nearest, dataVersion: options.dataVersion };
  let raster = options.regionRaster;
  const shaper = new PointShaper(store);
  const regionRaster = () => (raster ??= regionZone >= 0 ? rasterizeZone(store, regionZone) : undefined);
  /** Points asked about the region: its raster is built once more than rasterFromPoints have been (as zones' are). */
  let regionPoints = 0;
  const edgeMattersByType = new Map<string, Uint8Array>();
  const edgeMatters = (projectType: string): Uint8Array => {
    let matters = edgeMattersByType.get(projectType);
    if (!matters) {
      matters = zonesWhoseEdgesMatter(ruleBook, store.count, regionZone, checkProjectType(projectType));
      edgeMattersByType.set(projectType, matters);
    }
    return matters;
  };
  const pointShape = (x: number, y: number, projectType?: string): PointShape =>
    shaper.shapeOf(x, y, projectType === undefined ? undefined : edgeMatters(projectType));
  const inRegion = (shape: PointShape): boolean => regionZone < 0 || shape.hasZone(regionZone);
  return {
    zones,
    store,
    ruleBook,
    regionZone,
    regionRaster,
    dataVersion: options.dataVersion,
    screen: (geometry, projectType) => {
      const site = parseSite(geometry);
      return screen(context, site, contactsOf(context, site), checkProjectType(projectType), fullReport);
    },
    pointShape,
    shapeTemplate: (codes, x, y, projectType) =>
      screen(
        context,
        parseSite({ type: 'Point', coordinates: [x, y] }),
        contactsOfCodes(store, codes),
        checkProjectType(projectType),
        templateReport,
      ),
    screenPoints: (lonLat, projectType) => {
      const tables = ruleBook.verdictTables(checkProjectType(projectType));
      checkPoints(lonLat);
      return screenPointRange(
        {
          store,
          tables,
          jurisdictionZones: ruleBook.jurisdictionZones,
          parkZones: ruleBook.parkZones,
          parkBit: ruleBook.parkBit,
          regionZone,
          regionRaster: regionRaster(),
        },
        lonLat,
      );
    },
    pointsOutsideRegion: (lonLat, leaveEdgeCells) => {
      checkPoints(lonLat);
      regionPoints += lonLat.length / 2;
      return outsideRegion(
        store,
        regionZone,
        raster ?? (regionPoints > rasterFromPoints ? regionRaster() : undefined),
        lonLat,
        leaveEdgeCells,
      );
    },
    inRegion,
    shapeInRegion: (x, y, projectType, mark) => {
      const shape = pointShape(x, y, projectType);
      return mark === regionUndecided && !inRegion(shape) ? undefined : shape;
    },
    builtGrids: () => ({
      zoneRasters: [...shaper.builtRasters()],
      regionRaster: raster,
      edgeGrids: [...builtEdgeGrids(store.rings)],
      zoneGrid: builtZoneGrid(store.index),
    }),
    seedGrids: (grids) => {
      shaper.seedRasters(grids.zoneRasters);
      raster ??= grids.regionRaster;
      seedEdgeGrids(store.rings, grids.edgeGrids);
      if (grids.zoneGrid !== undefined) seedZoneGrid(store.index, grids.zoneGrid);
    },
  };
}

interface Context {
  zones: readonly ZoneInfo[];
  store: ZoneStore;
  ruleBook: RuleBook;
  regionZone: number;
  finder: ContactFinder;
  nearest: NearestFinder;
  dataVersion: string;
}

/** What a report writes: `figure` writes edge distances into doubts, `withNearest` false leaves the nearest zones out. */
interface ReportMode {
  figure: EdgeFigure;
  withNearest: boolean;
}

const fullReport: ReportMode = { figure: edgeFigure, withNearest: true };
/** shapeTemplate's: a mark for each distance, which the point's own figure replaces, and so no distance written. */
const templateReport: ReportMode = { figure: ({ info }) => edgeMark(info.index), withNearest: false };

/** The report of `site` as `mode` writes it, from its contacts (the zones it is in or near, and how). */
function screen(
  context: Context,
  site: Site,
  contacts: Map<number, Contact>,
  type: ProjectType,
  { figure, withNearest }: ReportMode,
): Report {
  const { zones, store, ruleBook, regionZone } = context;
  const warnings: Warning[] = site.repaired
    ? [
        {
          code: 'geometry-repaired',
          text: {
            zh: '多边形边界自相交，筛查前已用其自身的并集（polygon-clipping）代替',
            en: 'the polygon crossed itself; it was replaced by its union with itself (polygon-clipping) before screening',
          },
        },
      ]
    : [];
  const base = { projectType: type, site: siteSummary(site), dataVersion: context.dataVersion, engineVersion };
  if (regionZone >= 0 && !contacts.has(regionZone)) {
    warnings.push({
      code: 'outside-region',
      zoneId: regionId,
      text: {
        zh: '选址位于内蒙古自治区以外：五份文件（内蒙古自治区、鄂尔多斯市和兴安盟的规划）不适用于该处',
        en: 'the site lies outside Inner Mongolia: the five documents (Inner Mongolia, Ordos and Hinggan League plans) do not apply there',
      },
    });
    return {
      verdict: 'clear',
      certainty: 'firm',
      worstCase: 'clear',
      decisive: null,
      weakest: null,
      conclusion: { zh: '选址在内蒙古自治区以外：五份文件均不适用。', en: 'Outside Inner Mongolia: none of the five documents applies.' },
      ...base,
      hits: [],
      untestable: [],
      nearest: [],
      warnings,
    };
  }
  const met = (zone: number): Met | undefined => {
    const contact = contacts.get(zone);
    return contact ? { info: zones[zone] as ZoneInfo, contact } : undefined;
  };
  const park = decidingPark([...contacts.keys()].filter((zone) => zones[zone]?.zoneKind === parkKind).map((zone) => met(zone) as Met));
  /** The rule with the area whose document makes it (undefined for a region-wide one), or null where the site is
   * outside that area and its accuracy band; a rule on enterprises outside parks comes with the park the site meets. */
  const applicable = (rule: Rule): ApplicableRule | null => {
    const zone = ruleBook.jurisdictionOf(rule);
    const jurisdiction = zone < 0 ? undefined : met(zone);
    if (zone >= 0 && !jurisdiction) return null;
    return park && ruleBook.outsideParks.has(rule) ? { rule, jurisdiction, park } : { rule, jurisdiction };
  };
  const hits: Hit[] = [];
  for (const [zone, contact] of contacts) {
    const info = zones[zone] as ZoneInfo;
    const zoneArea = ringsArea(store.rings, store.zoneRingStart[zone] as number, store.zoneRingStart[zone + 1] as number);
    const rules = ruleBook
      .rulesFor(zone, type)
      .map(applicable)
      .filter((rule) => rule !== null);
    const exempting = ruleBook
      .exemptionsFor(zone, type)
      .map(applicable)
      .filter((rule) => rule !== null);
    hits.push(...hitsOfZone({ info, contact }, rules, exempting, site, store, zoneArea, type, figure));
  }
  hits.sort(
    (a, b) => verdictCode(b.verdict) - verdictCode(a.verdict) || byText(a.zoneId, b.zoneId) || byText(a.ruleId ?? '', b.ruleId ?? ''),
  );
  const untestable = ruleBook
    .untestableFor(type)
    .filter(({ rule, basins }) => applicable(rule) !== null && (basins.length === 0 || basins.some((basin) => contacts.has(basin))))
    .map(({ rule }) => untestableEntry(rule));
  const documentOf = (ruleId: string) => {
    const rule = ruleBook.rules.find((candidate) => candidate.id === ruleId);
    return rule ? ruleBook.documentOf(rule) : undefined;
  };
  const headline = conclude(hits, untestable.length, type, documentOf);
  const restrictive = verdictCode('restricted');
  const inJurisdictions = ruleBook.jurisdictionZones.reduce((bits, zone, bit) => {
    const position = contacts.get(zone)?.position;
    return position === undefined || position === 'near' ? bits : bits | (1 << bit);
  }, 0);
  const mask = ruleBook.parkBit >= 0 && park?.contact.position !== 'inside' ? inJurisdictions | (1 << ruleBook.parkBit) : inJurisdictions;
  const table = ruleBook.verdictTable(type, mask);
  const nearest =
    verdictCode(headline.verdict) >= restrictive || !withNearest
      ? []
      : context.nearest
          .find(site, table, restrictive, new Set(contacts.keys()))
          .map(({ zone, km }) => {
            const info = zones[zone] as ZoneInfo;
            return {
              layer: info.layer,
              zoneKind: info.zoneKind,
              zoneId: info.id,
              name: info.name,
              verdict: verdictOfCode(table[zone] as number),
              distanceKm: round(km, 3),
            };
          })
          .sort((a, b) => a.distanceKm - b.distanceKm || byText(a.zoneId, b.zoneId));
  // The headline is the report's own fresh object: its members go first, then the rest in report order (spreads of
  // objects after the first are copied key by key, slowly, and a batch makes a template report per point shape).
  const report = headline as Report;
  report.projectType = base.projectType;
  report.site = base.site;
  report.dataVersion = base.dataVersion;
  report.engineVersion = base.engineVersion;
  report.hits = hits;
  report.untestable = untestable;
  report.nearest = nearest;
  report.warnings = warnings;
  return report;
}

/** The zones the site is in or near, and how, in the order the zone index finds them (the order hits start in). */
function contactsOf({ store, finder }: Context, site: Site): Map<number, Contact> {
  const [x0, y0, x1, y1] = site.box as unknown as [number, number, number, number];
  const contacts = new Map<number, Contact>();
  for (const zone of store.count > 0 ? store.index.search(x0, y0, x1, y1) : []) {
    const contact = finder.relate(site, zone, store.zoneAccuracyKm[zone] as number);
    if (contact.position !== 'apart') contacts.set(zone, contact);
  }
  return contacts;
}

/**
 * Per zone, its edgeMatters flags (point-shape.ts) for a project type. nearMatters where a site near the zone (outside
 * it, within its accuracy) can get another report of the type than one that is not: screen() reads such a contact only
 * for the zone's own rules (hitsOfZone lists none for a zone merely near without rules), for a jurisdiction's or
 * park's standing, for the region, and for an untestable rule's basins. insideEdgeMatters where a point inside the
 * zone can get another row from being within the accuracy of its edge: the edge shows in a row only as a doubt of the
 * zone's own rules (a zone without rules gets one hit, with no doubt; exemptions carry none either), a jurisdiction's
 * doubt, or a park's standing; elsewhere only a hit's distance figure, which JSON reports give and CSV rows do not.
 * On a million seeded points for solar-pv a third of the edges searched were of zones whose edge a point inside
 * cannot show (insideEdgeMatters unset).
 */
function zonesWhoseEdgesMatter(ruleBook: RuleBook, count: number, regionZone: number, type: ProjectType): Uint8Array {
  const matters = new Uint8Array(count);
  for (let zone = 0; zone < count; zone++) if (ruleBook.rulesFor(zone, type).length > 0) matters[zone] = nearMatters | insideEdgeMatters;
  for (const zone of [...ruleBook.jurisdictionZones, ...ruleBook.parkZones]) matters[zone] = nearMatters | insideEdgeMatters;
  for (const zone of ruleBook.untestableFor(type).flatMap(({ basins }) => basins)) matters[zone] = (matters[zone] as number) | nearMatters;
  if (regionZone >= 0) matters[regionZone] = (matters[regionZone] as number) | nearMatters;
  return matters;
}

/** What shapeTemplate writes for the distance to a zone's edge; edgeMarks finds them again. */
export const edgeMark = (zone: number): string => `\uE000${zone}\uE001`;
export const edgeMarks = /\uE000(\d+)\uE001/g;

function siteSummary(site: Site): Report['site'] {
  return {
    kind: site.kind,
    ...(site.kind === 'polygon' ? { areaHa: round(site.areaM2 / 1e4, 4) } : {}),
    ...(site.kind === 'line' ? { lengthKm: round(site.lengthKm, 3) } : {}),
    centroid: [round(site.centroid[0], 6), round(site.centroid[1], 6)],
  };
}

import type { FeatureCollection } from 'geojson';
import { projectTypes, projectTypeSchema, type ProjectType } from '../schema/project-type.ts';
import type { Rule, Seed } from '../schema/seed.ts';
import { ContactFinder, type Contact } from './contact.ts';
import { engineVersion } from './engine-version.ts';
import { ScreeningInputError } from './input-error.ts';
import { NearestFinder } from './nearest.ts';
import { checkPoints, screenPointRange, type PointVerdicts } from './point-batch.ts';
import type { Hit, Report, Warning } from './report.ts';
import { rasterizeZone, type RegionRaster } from './region-raster.ts';
import { ringsArea } from './ring-terms.ts';
import { RuleBook } from './rules.ts';
import { parseSite, type Site } from './site.ts';
import { verdictCode, verdictLabels, verdictOfCode, verdictOfRule, worstVerdict, type Verdict } from './verdict.ts';
import { ZoneStoreBuilder, type ZoneStore } from './zone-store.ts';
import { zonesOfCollections, type ZoneInfo, type ZoneSource } from './zones.ts';

export interface ScreenerOptions {
  /** Datasets by layer id, as readCollections returns them; every polygon feature with a zone_kind is a zone. */
  collections: ReadonlyMap<string, FeatureCollection>;
  seeds: readonly Seed[];
  /** The manifest's version, quoted in every report. */
  dataVersion: string;
  /** Zones packed without GeoJSON (the benchmark's synthetic sets). */
  extraZones?: Iterable<ZoneSource>;
  /** Put the packed zones on SharedArrayBuffers so that worker threads can read them. */
  shared?: boolean;
}

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
  screenPoints(lonLat: Float64Array, projectType: string): PointVerdicts;
}

/** The region outside which none of the five documents applies. */
export const regionId = 'inner-mongolia';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
/** Code-point order: ids are ASCII, and the order must not depend on the machine's locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function checkProjectType(projectType: string): ProjectType {
  const parsed = projectTypeSchema.safeParse(projectType);
  if (!parsed.success) {
    throw new ScreeningInputError(`unknown project type ${JSON.stringify(projectType)}; expected one of: ${Object.keys(projectTypes).join(', ')}`);
  }
  return parsed.data;
}

export function createScreener(options: ScreenerOptions): Screener {
  const builder = new ZoneStoreBuilder();
  const zones: ZoneInfo[] = [];
  const add = (source: ZoneSource) => {
    const index = builder.addZone(source.rings, source.info.accuracyKm);
    if (index >= 0) zones.push({ ...source.info, index });
  };
  for (const source of zonesOfCollections(options.collections)) add(source);
  for (const source of options.extraZones ?? []) add(source);
  const store = builder.finish(options.shared);
  const ruleBook = new RuleBook(options.seeds, zones, regionId);
  const regionZone = zones.find((zone) => zone.id === regionId && zone.zoneKind === 'region')?.index ?? -1;
  const finder = new ContactFinder(store);
  const nearest = new NearestFinder(store, zones, finder.distances);
  const context = { zones, store, ruleBook, regionZone, finder, nearest, dataVersion: options.dataVersion };
  let raster: RegionRaster | undefined;
  const regionRaster = () => (raster ??= regionZone >= 0 ? rasterizeZone(store, regionZone) : undefined);
  return {
    zones, store, ruleBook, regionZone, regionRaster, dataVersion: options.dataVersion,
    screen: (geometry, projectType) => screen(context, geometry, checkProjectType(projectType)),
    screenPoints: (lonLat, projectType) => {
      const tables = ruleBook.verdictTables(checkProjectType(projectType));
      checkPoints(lonLat);
      return screenPointRange({ store, tables, jurisdictionZones: ruleBook.jurisdictionZones, regionZone, regionRaster: regionRaster() }, lonLat);
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

function screen(context: Context, geometry: unknown, type: ProjectType): Report {
  const { zones, store, ruleBook, regionZone, finder } = context;
  const site = parseSite(geometry);
  const warnings: Warning[] = site.repaired
    ? [{
      code: 'geometry-repaired',
      message: 'the polygon crossed itself; it was replaced by its union with itself (polygon-clipping) before screening',
      messageZh: '多边形边界自相交，筛查前已用其自身的并集（polygon-clipping）代替',
    }]
    : [];
  const [x0, y0, x1, y1] = site.box as unknown as [number, number, number, number];
  const contacts = new Map<number, Contact>();
  for (const zone of store.count > 0 ? store.index.search(x0, y0, x1, y1) : []) {
    const contact = finder.relate(site, zone, store.zoneAccuracyKm[zone] as number);
    if (contact.position !== 'apart') contacts.set(zone, contact);
  }
  const base = { projectType: type, site: siteSummary(site), dataVersion: context.dataVersion, engineVersion };
  if (regionZone >= 0 && !contacts.has(regionZone)) {
    warnings.push({
      code: 'outside-region',
      zoneId: regionId,
      message: 'the site lies outside Inner Mongolia: the five documents (Inner Mongolia, Ordos and Hinggan League plans) do not apply there',
      messageZh: '选址位于内蒙古自治区以外：五份文件（内蒙古自治区、鄂尔多斯市和兴安盟的规划）不适用于该处',
    });
    return { verdict: 'clear', ...base, hits: [], nearest: [], warnings };
  }
  /** Where the site stands to a rule's jurisdiction: in it (or region-wide), within its accuracy band, or outside. */
  const standing = (rule: Rule): Standing => {
    const zone = ruleBook.jurisdictionOf(rule);
    if (zone < 0) return 'in';
    const position = contacts.get(zone)?.position;
    return position === undefined ? 'out' : position === 'near' ? 'near' : 'in';
  };
  const hits: Hit[] = [];
  const uncertainAreas = new Set<number>();
  for (const [zone, contact] of contacts) {
    const info = zones[zone] as ZoneInfo;
    const zoneArea = ringsArea(store.rings, store.zoneRingStart[zone] as number, store.zoneRingStart[zone + 1] as number);
    const rules = ruleBook.rulesFor(zone, type)
      .map((rule) => ({ rule, standing: standing(rule) }))
      .filter(({ standing }) => standing !== 'out')
      .map(({ rule, standing }) => ({ rule, jurisdiction: standing === 'near' ? zones[ruleBook.jurisdictionOf(rule)] : undefined }));
    const zoneHits = hitsOfZone(info, contact, rules, site, zoneArea, type);
    hits.push(...zoneHits);
    for (const { jurisdiction } of rules) if (jurisdiction && zoneHits.length > 0) uncertainAreas.add(jurisdiction.index);
    if (zoneHits.length > 0 && info.accuracyKm > 0 && contact.edgeKm <= info.accuracyKm) uncertainAreas.add(zone);
  }
  for (const zone of uncertainAreas) {
    const info = zones[zone] as ZoneInfo;
    const contact = contacts.get(zone) as Contact;
    warnings.push({
      code: 'boundary-uncertain', zoneId: info.id,
      message: `${info.nameEn} (${info.nameZh}): the site is ${round(contact.edgeKm, 3)} km from the drawn edge, within its ${info.accuracyKm} km accuracy; verify against the official boundary`,
      messageZh: `${info.nameZh}：选址距所绘边界 ${round(contact.edgeKm, 3)} 公里，在其 ${info.accuracyKm} 公里精度范围内；请以官方边界核实`,
    });
  }
  hits.sort((a, b) => verdictCode(b.verdict) - verdictCode(a.verdict) || byText(a.zoneId, b.zoneId) || byText(a.ruleId ?? '', b.ruleId ?? ''));
  for (const rule of ruleBook.unmappedFor(type)) if (standing(rule) !== 'out') warnings.push(notTestable(rule));
  const verdict = hits.reduce<Verdict>((worst, hit) => worstVerdict(worst, hit.verdict), 'clear');
  const restrictive = verdictCode('restricted');
  const mask = ruleBook.jurisdictionZones.reduce((bits, zone, bit) => {
    const position = contacts.get(zone)?.position;
    return position === undefined || position === 'near' ? bits : bits | (1 << bit);
  }, 0);
  const table = ruleBook.verdictTable(type, mask);
  const nearest = verdictCode(verdict) >= restrictive ? [] : context.nearest.find(site, table, restrictive, new Set(contacts.keys()))
    .map(({ zone, km }) => {
      const info = zones[zone] as ZoneInfo;
      return {
        layer: info.layer, zoneKind: info.zoneKind, zoneId: info.id, nameZh: info.nameZh, nameEn: info.nameEn,
        verdict: verdictOfCode(table[zone] as number), distanceKm: round(km, 3),
      };
    })
    .sort((a, b) => a.distanceKm - b.distanceKm || byText(a.zoneId, b.zoneId));
  return { verdict, ...base, hits, nearest, warnings };
}

function siteSummary(site: Site): Report['site'] {
  return {
    kind: site.kind,
    ...(site.kind === 'polygon' ? { areaHa: round(site.areaM2 / 1e4, 4) } : {}),
    ...(site.kind === 'line' ? { lengthKm: round(site.lengthKm, 3) } : {}),
    centroid: [round(site.centroid[0], 6), round(site.centroid[1], 6)],
  };
}

type Standing = 'in' | 'near' | 'out';

/** A rule that counts for the site, with the jurisdiction the site is only near (within its accuracy), if so. */
interface ApplicableRule {
  rule: Rule;
  jurisdiction: ZoneInfo | undefined;
}

/**
 * One hit per rule the zone carries for the project type. Inside the zone the rule's verdict stands; near it
 * (outside the drawn edge but within its accuracy) the site may be inside the official boundary, so the hit
 * reads `review`, as it does when the site is only near the area whose document makes the rule. A zone entered
 * with no rule for the type is listed once as `clear`: uncertainty does not raise it to review, since no
 * boundary position would change the answer.
 */
function hitsOfZone(info: ZoneInfo, contact: Contact, rules: readonly ApplicableRule[], site: Site, zoneAreaM2: number, type: ProjectType): Hit[] {
  const near = contact.position === 'near';
  if (near && rules.length === 0) return [];
  const uncertain = info.accuracyKm > 0 && contact.edgeKm <= info.accuracyKm;
  const metrics = {
    position: contact.position as Hit['position'],
    ...(site.kind === 'polygon' ? {
      overlapHa: round(contact.overlapM2 / 1e4, 4),
      shareOfSitePct: round(Math.min(100, (100 * contact.overlapM2) / site.areaM2), 4),
      shareOfZonePct: round(Math.min(100, (100 * contact.overlapM2) / zoneAreaM2), 4),
    } : {}),
    ...(site.kind === 'line' ? { insideLengthKm: round(contact.insideKm, 3) } : {}),
    ...(Number.isFinite(contact.edgeKm) ? { distanceKm: round(contact.edgeKm, 3) } : {}),
    accuracyKm: info.accuracyKm,
    uncertain,
  };
  const zone = { zoneId: info.id, layer: info.layer, nameZh: info.nameZh, nameEn: info.nameEn, zoneKind: info.zoneKind };
  if (rules.length === 0) {
    return [{
      ...zone, verdict: 'clear', ruleId: null, summary: null, cite: null, ...metrics,
      note: `no rule of the five documents applies to ${projectTypes[type].en} in this zone`,
      noteZh: `五份文件中没有适用于该区域内${projectTypes[type].zh}项目的规定`,
    }];
  }
  return rules.map(({ rule, jurisdiction }) => ({
    ...zone,
    verdict: near || jurisdiction ? 'review' : verdictOfRule(rule),
    ruleId: rule.id,
    summary: rule.summary,
    cite: rule.citation,
    ...metrics,
    uncertain: uncertain || jurisdiction !== undefined,
    ...(near ? {
      note: `outside the drawn edge but within its accuracy: inside, this rule would make the project ${verdictOfRule(rule)}`,
      noteZh: `位于所绘边界之外，但在其精度范围内：若在区内，此规定将使项目为“${verdictLabels[verdictOfRule(rule)].zh}”`,
    } : jurisdiction ? {
      note: `outside ${jurisdiction.nameEn} (${jurisdiction.nameZh}), whose document makes this rule, but within its boundary's ${jurisdiction.accuracyKm} km accuracy: inside, this rule would make the project ${verdictOfRule(rule)}`,
      noteZh: `位于制定此规定的${jurisdiction.nameZh}之外，但在其边界 ${jurisdiction.accuracyKm} 公里精度范围内：若在其境内，此规定将使项目为“${verdictLabels[verdictOfRule(rule)].zh}”`,
    } : {}),
  }));
}

function notTestable(rule: Rule): Warning {
  const where = 'unmapped' in rule.zone ? rule.zone.unmapped : undefined;
  return {
    code: 'not-testable', ruleId: rule.id,
    message: `not testable on the map: ${where ? `${where.en} (${where.zh}): ${where.reason}` : rule.id}; rule ${rule.id} (${rule.verdict}): ${rule.summary.en} [${rule.citation.file} line ${rule.citation.line}]`,
    messageZh: `地图上无法检验：${where ? where.zh : rule.id}；规定 ${rule.id}：${rule.summary.zh}［${rule.citation.file} 第 ${rule.citation.line} 行］`,
  };
}

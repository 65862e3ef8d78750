import type { ProjectType } from '../schema/project-type.ts';
import type { Rule, ScreeningSeed } from '../schema/seed.ts';
import { concernsOutsideParks, parkKind } from './parks.ts';
import { verdictCode, verdictOfRule } from './verdict.ts';
import type { ZoneInfo } from './zones.ts';

/** Whether a rule's zone selector names this zone: by id, or by kind (with the region id for kind region and
 * the buffer width and river for river buffers). Unmapped rules name no zone. */
export function ruleMatchesZone(rule: Rule, zone: ZoneInfo): boolean {
  const selector = rule.zone;
  if ('id' in selector) return selector.id === zone.id;
  if ('unmapped' in selector) return false;
  if (selector.kind !== zone.zoneKind) return false;
  // A kind-region rule without a region id cannot be placed: guessing Inner Mongolia would apply a league's
  // rule region-wide. Such rules are listed in RuleBook.unplaced instead.
  if (selector.kind === 'region') return selector.region === zone.id;
  if (selector.bufferKm !== undefined && selector.bufferKm !== zone.bufferKm) return false;
  if (selector.river !== undefined && zone.river !== undefined && selector.river !== zone.river) return false;
  return true;
}

export const ruleAppliesToType = (rule: Rule, type: ProjectType): boolean =>
  rule.projectTypes.includes(type) && !rule.exceptions.some((exception) => exception.projectType === type);

/** The document's words that lift the rule for this project type ("不含光伏玻璃"), if it does. */
export const exemptionOf = (rule: Rule, type: ProjectType): string | undefined =>
  rule.exceptions.find((exception) => exception.projectType === type)?.note;

/** A rule the map cannot test, and the river basins (zone indexes) it is confined to; none: wherever its document applies. */
export interface UntestableRule {
  rule: Rule;
  basins: readonly number[];
}

/**
 * The seeds' rules bound to the zones they name, with per-project-type verdict tables for the batch path.
 * A league's or city's document governs its own area only: its rules carry that region as their jurisdiction and
 * count for a site only where the site meets the region. Jurisdictions are numbered (bit n of a mask is
 * jurisdictionZones[n]); the region-wide documents have none, since screening already stops outside the region.
 * Rules on enterprises outside parks count only where the site is outside every park: bit parkBit of a mask.
 */
export class RuleBook {
  readonly rules: Rule[];
  /** Zone index of each jurisdiction, by bit number. */
  readonly jurisdictionZones: number[] = [];
  /** Rules that name a zone (by id or kind) that no loaded zone matches: untestable until the data has it. */
  readonly unplaced: Rule[];
  /** Rules whose words address enterprises outside parks (parks.ts): inside a park they do not apply. */
  readonly outsideParks: ReadonlySet<Rule>;
  /** Zone indexes of the parks; the mask bit "outside every park" (-1 when no park is loaded or no rule asks). */
  readonly parkZones: number[];
  readonly parkBit: number;
  private readonly zoneRules: Rule[][];
  private readonly jurisdictionBit = new Map<Rule, number>();
  private readonly tables = new Map<string, Uint8Array>();
  private readonly typeRules = new Map<ProjectType, Rule[][]>();
  private readonly untestable = new Map<ProjectType, UntestableRule[]>();
  private readonly exempting = new Map<ProjectType, Rule[][]>();
  private readonly documents = new Map<Rule, ScreeningSeed['document']>();

  constructor(
    seeds: readonly ScreeningSeed[],
    private readonly zones: readonly ZoneInfo[],
    wholeRegion: string,
  ) {
    this.rules = seeds.flatMap((seed) => seed.rules);
    for (const seed of seeds) for (const rule of seed.rules) this.documents.set(rule, seed.document);
    this.zoneRules = zones.map(() => []);
    const placed = new Set<Rule>();
    const unbound = new Set<Rule>();
    for (const seed of seeds) {
      if (seed.jurisdiction === wholeRegion) continue;
      const zone = zones.find((candidate) => candidate.zoneKind === 'region' && candidate.id === seed.jurisdiction);
      // Without its area loaded a document's rules cannot be confined to it, so they stay unplaced.
      if (!zone) {
        for (const rule of seed.rules) unbound.add(rule);
        continue;
      }
      let bit = this.jurisdictionZones.indexOf(zone.index);
      if (bit < 0) bit = this.jurisdictionZones.push(zone.index) - 1;
      for (const rule of seed.rules) this.jurisdictionBit.set(rule, bit);
    }
    // Candidates by id and by kind, so that binding costs rules x zones of that kind, not rules x all zones.
    const byKey = new Map<string, ZoneInfo[]>();
    for (const zone of zones) {
      for (const key of [`id:${zone.id}`, `kind:${zone.zoneKind}`]) {
        const list = byKey.get(key);
        if (list) list.push(zone);
        else byKey.set(key, [zone]);
      }
    }
    for (const rule of this.rules) {
      if ('unmapped' in rule.zone || unbound.has(rule)) continue;
      const key = 'id' in rule.zone ? `id:${rule.zone.id}` : `kind:${rule.zone.kind}`;
      for (const zone of byKey.get(key) ?? []) {
        if (!ruleMatchesZone(rule, zone)) continue;
        this.zoneRules[zone.index]?.push(rule);
        placed.add(rule);
      }
    }
    this.unplaced = this.rules.filter((rule) => !('unmapped' in rule.zone) && !placed.has(rule));
    this.outsideParks = new Set(this.rules.filter(concernsOutsideParks));
    this.parkZones = zones.filter((zone) => zone.zoneKind === parkKind).map((zone) => zone.index);
    this.parkBit = this.parkZones.length > 0 && this.outsideParks.size > 0 ? this.jurisdictionZones.length : -1;
  }

  /** The rules a zone carries for a project type (worked out once per type and zone). */
  rulesFor(zone: number, type: ProjectType): readonly Rule[] {
    const byZone = this.typeRules.get(type) ?? [];
    this.typeRules.set(type, byZone);
    const rules = byZone[zone] ?? (this.zoneRules[zone] ?? []).filter((rule) => ruleAppliesToType(rule, type));
    byZone[zone] = rules;
    return rules;
  }

  /** Rules of the zone that the document expressly lifts for this project type. */
  exemptionsFor(zone: number, type: ProjectType): readonly Rule[] {
    const byZone = this.exempting.get(type) ?? [];
    this.exempting.set(type, byZone);
    const rules = byZone[zone] ?? (this.zoneRules[zone] ?? []).filter((rule) => exemptionOf(rule, type) !== undefined);
    byZone[zone] = rules;
    return rules;
  }

  /**
   * Rules that concern this project type and that the map cannot test: those that name a place no open data shows
   * (permanent farmland, scenic areas...) and those that name a zone the data lacks (RuleBook.unplaced: the
   * tributary and other rivers' distance zones). A river's rule is confined to the loaded basins that list that river.
   */
  untestableFor(type: ProjectType): readonly UntestableRule[] {
    let rules = this.untestable.get(type);
    if (!rules) {
      const unplaced = new Set(this.unplaced);
      rules = this.rules
        .filter((rule) => ('unmapped' in rule.zone || unplaced.has(rule)) && ruleAppliesToType(rule, type))
        .map((rule) => {
          const river = 'kind' in rule.zone ? rule.zone.river : undefined;
          const basins = river === undefined ? [] : this.zones.filter((zone) => zone.rivers?.includes(river)).map((zone) => zone.index);
          return { rule, basins };
        });
      this.untestable.set(type, rules);
    }
    return rules;
  }

  /** The document that makes the rule. */
  documentOf(rule: Rule): ScreeningSeed['document'] | undefined {
    return this.documents.get(rule);
  }

  /** The jurisdiction zone of a rule, or -1 for a region-wide rule. */
  jurisdictionOf(rule: Rule): number {
    const bit = this.jurisdictionBit.get(rule);
    return bit === undefined ? -1 : (this.jurisdictionZones[bit] as number);
  }

  /**
   * Worst verdict code of the rules each zone carries for a project type (0, clear, where none applies), counting
   * the rules of the jurisdictions in `mask` (bit n: the site is in jurisdictionZones[n]) and no others, and the rules
   * on enterprises outside parks only when bit parkBit is set (the site is outside every park).
   */
  verdictTable(type: ProjectType, mask: number): Uint8Array {
    const key = `${type} ${mask}`;
    let table = this.tables.get(key);
    if (!table) {
      table = new Uint8Array(this.zones.length);
      for (let zone = 0; zone < this.zones.length; zone++) {
        for (const rule of this.rulesFor(zone, type)) {
          const bit = this.jurisdictionBit.get(rule);
          if (bit !== undefined && (mask & (1 << bit)) === 0) continue;
          if (this.parkBit >= 0 && (mask & (1 << this.parkBit)) === 0 && this.outsideParks.has(rule)) continue;
          table[zone] = Math.max(table[zone] as number, verdictCode(verdictOfRule(rule)));
        }
      }
      this.tables.set(key, table);
    }
    return table;
  }

  /** The verdict tables of every jurisdiction mask, indexed by mask, for the batch path. */
  verdictTables(type: ProjectType): Uint8Array[] {
    const bits = this.jurisdictionZones.length + (this.parkBit >= 0 ? 1 : 0);
    return Array.from({ length: 1 << bits }, (_, mask) => this.verdictTable(type, mask));
  }
}

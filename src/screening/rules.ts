import type { ProjectType } from '../schema/project-type.ts';
import type { Rule, Seed } from '../schema/seed.ts';
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

/** The seeds' rules bound to the zones they name, with per-project-type verdict tables for the batch path. */
export class RuleBook {
  readonly rules: Rule[];
  /** Rules that name a zone (by id or kind) that no loaded zone matches: untestable until the data has it. */
  readonly unplaced: Rule[];
  private readonly zoneRules: Rule[][];
  private readonly tables = new Map<ProjectType, Uint8Array>();

  constructor(seeds: readonly Seed[], private readonly zones: readonly ZoneInfo[]) {
    this.rules = seeds.flatMap((seed) => seed.rules);
    this.zoneRules = zones.map(() => []);
    const placed = new Set<Rule>();
    for (const rule of this.rules) {
      if ('unmapped' in rule.zone) continue;
      for (const zone of zones) {
        if (!ruleMatchesZone(rule, zone)) continue;
        this.zoneRules[zone.index]?.push(rule);
        placed.add(rule);
      }
    }
    this.unplaced = this.rules.filter((rule) => !('unmapped' in rule.zone) && !placed.has(rule));
  }

  rulesFor(zone: number, type: ProjectType): Rule[] {
    return (this.zoneRules[zone] ?? []).filter((rule) => ruleAppliesToType(rule, type));
  }

  /** Rules no map can test (permanent farmland, scenic areas...) that concern this project type. */
  unmappedFor(type: ProjectType): Rule[] {
    return this.rules.filter((rule) => 'unmapped' in rule.zone && ruleAppliesToType(rule, type));
  }

  /** Worst verdict code of the rules each zone carries for a project type (0, clear, where none applies). */
  verdictTable(type: ProjectType): Uint8Array {
    let table = this.tables.get(type);
    if (!table) {
      table = new Uint8Array(this.zones.length);
      for (let zone = 0; zone < this.zones.length; zone++) {
        for (const rule of this.rulesFor(zone, type)) table[zone] = Math.max(table[zone] as number, verdictCode(verdictOfRule(rule)));
      }
      this.tables.set(type, table);
    }
    return table;
  }
}

import type { Bilingual } from '../schema/bilingual.ts';
import type { Rule } from '../schema/seed.ts';
import type { Untestable } from './report.ts';
import { verdictOfRule } from './verdict.ts';

/** The rivers the seeds' distance rules name, as a reviewer reads them. */
const riverNames: Record<string, Bilingual> = {
  'yellow-river-main-stem': { zh: '黄河干流', en: 'the Yellow River main stem' },
  'yellow-river-tributaries': { zh: '黄河主要支流', en: 'the Yellow River’s main tributaries' },
  'hai-river': { zh: '海河', en: 'the Hai River' },
  'songhua-river': { zh: '松花江', en: 'the Songhua River' },
  'liao-river': { zh: '辽河', en: 'the Liao River' },
};

/** Where a rule the map cannot test applies, and why the map cannot test it. */
function placeOf(rule: Rule): { where: Bilingual; reason: Bilingual } {
  const zone = rule.zone;
  if ('unmapped' in zone) {
    const { zh, en, reason } = zone.unmapped;
    return { where: { zh, en }, reason: { zh: `图集没有${zh}的公开地图`, en: reason } };
  }
  if ('kind' in zone && zone.kind === 'river-buffer' && zone.river !== undefined) {
    const river = riverNames[zone.river] ?? { zh: zone.river, en: zone.river };
    const km = zone.bufferKm ?? 0;
    return {
      where: { zh: `${river.zh}岸线 ${km} 公里范围`, en: `within ${km} km of ${river.en}` },
      reason: {
        zh: `开放河流数据没有标出${river.zh}，图集画不出这一距离范围`,
        en: `the open river data does not name ${river.en}, so the atlas cannot draw this distance zone`,
      },
    };
  }
  const name = 'id' in zone ? zone.id : zone.kind;
  return {
    where: { zh: name, en: name },
    reason: { zh: '图集数据中没有该规定所指的区域', en: 'the loaded data has no zone this rule names' },
  };
}

export function untestableEntry(rule: Rule): Untestable {
  return { ruleId: rule.id, ruleVerdict: verdictOfRule(rule), summary: rule.summary, cite: rule.citation, ...placeOf(rule) };
}

import { z } from '../schema/zod-mini.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Rule } from '../schema/seed.ts';

/** Screening verdicts, mildest first: the position is the numeric code the batch API returns, so the worst
 * of several verdicts is simply the largest code. */
export const verdicts = ['clear', 'review', 'conditional', 'restricted', 'prohibited'] as const;
export const verdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof verdictSchema>;

/** Names of the verdicts, for the engine's reasons and conclusions (the atlas labels them in src/i18n). */
export const verdictLabels: Record<Verdict, Bilingual> = {
  clear: { zh: '未涉及管控', en: 'clear' },
  review: { zh: '需核实', en: 'review' },
  conditional: { zh: '有条件', en: 'conditional' },
  restricted: { zh: '限制', en: 'restricted' },
  prohibited: { zh: '禁止', en: 'prohibited' },
};

export const verdictCode = (verdict: Verdict): number => verdicts.indexOf(verdict);

export function verdictOfCode(code: number): Verdict {
  const verdict = verdicts[code];
  if (verdict === undefined) throw new RangeError(`no verdict has code ${code}`);
  return verdict;
}

export const worstVerdict = (a: Verdict, b: Verdict): Verdict => (verdictCode(a) >= verdictCode(b) ? a : b);

/**
 * A `required-action` rule obliges a project that may still go ahead (retrofit to ultra-low emissions, join the
 * park's wastewater plant, survey the soil): it is a condition of approval, not a bar, so it reads as
 * `conditional`. Mapping it to `review` would hide a binding obligation behind "a person should look".
 */
export const verdictOfRule = (rule: Rule): Verdict => (rule.verdict === 'required-action' ? 'conditional' : rule.verdict);

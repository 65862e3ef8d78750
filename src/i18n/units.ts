import type { Lang } from '../state/state.ts';

/** Units as a reader writes them: 公顷 and 平方千米 in Chinese, the SI symbols in English. */
export const units = {
  ha: { zh: '公顷', en: 'ha' },
  km: { zh: '公里', en: 'km' },
  m: { zh: '米', en: 'm' },
} as const satisfies Record<string, Record<Lang, string>>;

import type { Lang } from '../state/state.ts';

/**
 * The twelve leagues and cities of Inner Mongolia by the ids the datasets use, named as the region's government
 * names them in English: its own romanisation of the Mongolian names (Hinggan, Bayannur, Jalaid, Otog), not pinyin.
 */
export const leagues: Record<string, { zh: string; en: string }> = {
  hohhot: { zh: '呼和浩特市', en: 'Hohhot' },
  baotou: { zh: '包头市', en: 'Baotou' },
  wuhai: { zh: '乌海市', en: 'Wuhai' },
  chifeng: { zh: '赤峰市', en: 'Chifeng' },
  tongliao: { zh: '通辽市', en: 'Tongliao' },
  ordos: { zh: '鄂尔多斯市', en: 'Ordos' },
  hulunbuir: { zh: '呼伦贝尔市', en: 'Hulunbuir' },
  bayannur: { zh: '巴彦淖尔市', en: 'Bayannur' },
  ulanqab: { zh: '乌兰察布市', en: 'Ulanqab' },
  hinggan: { zh: '兴安盟', en: 'Hinggan League' },
  xilingol: { zh: '锡林郭勒盟', en: 'Xilingol League' },
  alxa: { zh: '阿拉善盟', en: 'Alxa League' },
};

/** A league id in words; an id no table knows stays as it is, so a new one shows up in the language test. */
export const leagueName = (id: string, lang: Lang): string => leagues[id]?.[lang] ?? id;

/**
 * The other spellings a reader may type for a word of the region's English names: the pinyin of the Chinese name
 * and older or split forms. Search finds a name by any of them; the atlas writes only the region's form.
 */
const otherSpellings: Record<string, string[]> = {
  Hohhot: ['Huhehaote', 'Huhhot'],
  Ordos: ['Eerduosi', 'Erdos'],
  Hulunbuir: ['Hulunbeier', 'Hulun Buir'],
  Bayannur: ['Bayan Nur', 'Bayannaoer'],
  Ulanqab: ['Wulanchabu', 'Ulan Qab'],
  Hinggan: ['Xingan', "Xing'an"],
  Xilingol: ['Xilinguole', 'Xilin Gol'],
  Alxa: ['Alashan', 'Alax'],
  Jalaid: ['Zhalaite', 'Zalaite'],
  Otog: ['Etuoke'],
  Horqin: ['Keerqin', 'Khorchin'],
  Jungar: ['Zhungeer', "Zhungge'er"],
  Dalad: ['Dalate'],
  Urad: ['Wulate'],
  Ulanhot: ['Wulanhaote'],
  Erenhot: ['Erlianhaote'],
  Hailar: ['Hailaer'],
  Arxan: ['Aershan'],
};

/** The name spelt every other way: each word with other spellings replaced by each of them. */
export function spellingAliases(name: string): string[] {
  return Object.entries(otherSpellings).flatMap(([word, others]) =>
    new RegExp(`\\b${word}\\b`).test(name) ? others.map((other) => name.replace(word, other)) : [],
  );
}

/**
 * Headings of a Chinese official document, by the numbering conventions of GB/T 9704 (第X章, 第X节, 一、, （一）, 1.)
 * and the titled boxes and tables (专栏1, 表1) of plans. The extraction keeps each heading at the start of a line.
 */
export type HeadingKind = 'chapter' | 'section' | 'item' | 'subitem' | 'point' | 'box';

const numerals = '一二三四五六七八九十百零〇';
const patterns: [HeadingKind, RegExp][] = [
  ['chapter', new RegExp(`^第[${numerals}\\d]+章`)],
  ['section', new RegExp(`^第[${numerals}\\d]+节`)],
  ['item', new RegExp(`^[${numerals}]+、`)],
  ['subitem', new RegExp(`^[（(][${numerals}]+[）)]`)],
  ['point', /^\d{1,2}[.．、](?![\d.．])/],
  ['box', /^(专栏|附表|表)\s*\d+\s/],
];

/** Nesting order: a heading closes every open heading of its own or a lower rank. Boxes do not nest. */
export const headingRank: Record<HeadingKind, number> = { chapter: 0, section: 1, item: 2, subitem: 3, point: 4, box: 5 };

export interface HeadingMatch {
  kind: HeadingKind;
  title: string;
  inline: boolean;
}

/**
 * The heading a line starts with, if any. A heading that runs on into its paragraph ("(一)指导思想。以…") is inline:
 * its title ends at the first full stop. A numbered point must stay short to be a heading, so that a wrapped line of
 * prose starting with a figure ("1.5亿…") is not taken for one.
 */
export function headingOf(line: string): HeadingMatch | undefined {
  const text = line.trim();
  for (const [kind, pattern] of patterns) {
    if (!pattern.test(text)) continue;
    const stop = text.search(/[。；]/);
    const inline = stop >= 0;
    const title = (inline ? text.slice(0, stop) : text).replace(/\s+/g, ' ');
    if (kind === 'point' && [...title].length > 40) return undefined;
    return { kind, title, inline };
  }
  return undefined;
}

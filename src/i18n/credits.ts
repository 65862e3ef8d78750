import type { Manifest } from '../schema/manifest.ts';
import type { Lang } from '../state/state.ts';

/**
 * The open sources under every layer, once each: the base datasets' attributions (each already short: a name, a
 * version, a licence). The thematic layers are drawn on these by the atlas's contributors; their full attributions
 * are listed in the About panel.
 */
export const openSources = (manifest: Manifest | undefined): string[] => [
  ...new Set(manifest?.datasets.filter((dataset) => dataset.id.startsWith('base-')).map((dataset) => dataset.provenance.attribution) ?? []),
];

const words = {
  zh: { data: '数据', contributors: '专题图层：本图集贡献者据五份文件绘制（示意，非官方边界）', more: '完整来源见“关于本图”' },
  en: {
    data: 'Data',
    contributors: 'thematic layers: atlas contributors, from the five documents (schematic, not official)',
    more: 'full list under About',
  },
} as const;

/** One line of credit in the interface language, for the map's corner and the exported image. */
export function creditLine(sources: readonly string[], lang: Lang): string {
  const { data, contributors, more } = words[lang];
  const separator = lang === 'zh' ? '；' : '; ';
  return `${data}${lang === 'zh' ? '：' : ': '}${[...sources, contributors].join(separator)} · ${more}`;
}

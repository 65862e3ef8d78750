import type { Bilingual } from '../schema/bilingual.ts';
import type { LayerProvenance } from './official-layer.ts';

/** The link key that names the official layers a shared view was screened on. */
export const officialLinkKey = 'official';

/** A layer as a link names it: the first 16 hex digits of its sha256, and its file name. */
export interface LinkedLayer {
  sha: string;
  file: string;
}

/**
 * The link's value: `sha~file` for each layer (the file name percent-encoded, so `|` in it stays), joined by `|`. The data never goes in a link, only what the recipient
 * needs to load the same file (its name, and its checksum to tell it from another file of that name).
 */
export const officialLinkValue = (layers: readonly LayerProvenance[]): string =>
  layers.map((layer) => `${layer.sha256.slice(0, 16)}~${encodeURIComponent(layer.file)}`).join('|');

export function linkedLayers(value: string | undefined): LinkedLayer[] {
  return (value ?? '').split('|').flatMap((entry) => {
    const cut = entry.indexOf('~');
    const sha = entry.slice(0, cut);
    if (cut <= 0 || !/^[0-9a-f]{16}$/.test(sha)) return [];
    try {
      return [{ sha, file: decodeURIComponent(entry.slice(cut + 1)) }];
    } catch {
      return [];
    }
  });
}

/** The layers a link names that this browser has not loaded. */
export const missingLayers = (linked: readonly LinkedLayer[], loaded: readonly LayerProvenance[]): LinkedLayer[] =>
  linked.filter((layer) => !loaded.some((have) => have.sha256.startsWith(layer.sha)));

/** What the recipient of a link must load before its verdict can be reproduced. */
export function missingLayersNotice(missing: readonly LinkedLayer[], lang: keyof Bilingual): string | undefined {
  if (missing.length === 0) return undefined;
  const list = missing.map((layer) => `${layer.file} (sha256 ${layer.sha}…)`).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `此链接的筛查结果基于发送者导入的官方图层：${list}。这些数据只保存在发送者的浏览器中；请向其索取同一文件，在“图层”面板中导入后再查看结论。`
    : `This link was screened on official layers the sender imported: ${list}. They stay in the sender's browser; ask them for the same file and import it in the Layers panel before reading the verdict.`;
}

import { z } from '../schema/zod-mini.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { t } from '../i18n/strings.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Lang } from '../state/state.ts';

/** A piece of data the screening needs that did not load or failed its check: named in words, with why. */
export interface MissingData {
  /** The layer id, or "manifest". */
  id: string;
  name: Bilingual;
  reason: string;
}

const manifestName: Bilingual = { zh: '数据清单（manifest.json）', en: 'data manifest (manifest.json)' };

/**
 * The layers the screening engine reads zones from: those whose schema requires every feature to declare a
 * zone_kind (src/screening/zones.ts screens every feature that does). Energy bases and water sections declare none.
 */
export function screeningLayers(layers: readonly LayerDefinition[]): LayerDefinition[] {
  return layers.filter((layer) => requiresZoneKind(layer.properties));
}

function requiresZoneKind(schema: z.ZodMiniType | undefined): boolean {
  const zoneKind = schema instanceof z.ZodMiniObject ? schema.shape['zone_kind'] : undefined;
  return zoneKind !== undefined && !z.safeParse(zoneKind, undefined).success;
}

/**
 * What the screening lacks: the manifest when it failed (and then every screening layer, none of which could load),
 * and each screening layer whose dataset failed. Empty when the screening may run.
 */
export function missingForScreening(
  layers: readonly LayerDefinition[],
  failures: readonly { layerId?: string; message: string }[],
): MissingData[] {
  const manifestFailure = failures.find((failure) => failure.layerId === undefined);
  const missing: MissingData[] = manifestFailure ? [{ id: 'manifest', name: manifestName, reason: manifestFailure.message }] : [];
  for (const layer of screeningLayers(layers)) {
    const failure = failures.find((candidate) => candidate.layerId === layer.id);
    if (failure || manifestFailure) {
      missing.push({ id: layer.id, name: layer.title, reason: failure?.message ?? 'the data manifest did not load' });
    }
  }
  return missing;
}

/** "筛查不完整：缺少 限制区、湿地……" in both languages: the card's words, the API's and the exports' error. */
export function incompleteText(missing: readonly MissingData[]): Bilingual {
  return {
    zh: `筛查不完整，不给出结论：缺少数据 ${missing.map((item) => item.name.zh).join('、')}`,
    en: `Screening incomplete, no verdict given: missing data ${missing.map((item) => item.name.en).join(', ')}`,
  };
}

/**
 * What stands where a verdict would (the exported image, the embed badge): "结论：不完整" / "Verdict: incomplete",
 * and the missing data named in the same language, so the image or the embed never passes for a screened site.
 */
export function incompleteVerdict(missing: readonly MissingData[], lang: Lang): { verdict: string; missing: string } {
  const names = missing.map((item) => item.name[lang]);
  return lang === 'zh'
    ? { verdict: `${t('verdict', lang)}：不完整`, missing: `缺少数据：${names.join('、')}` }
    : { verdict: `${t('verdict', lang)}: incomplete`, missing: `missing data: ${names.join(', ')}` };
}

/** The screening was asked for while data it needs is missing: it gives no verdict, never a clear one. */
export class IncompleteDataError extends Error {
  override name = 'IncompleteDataError';
  readonly text: Bilingual;
  constructor(readonly missing: readonly MissingData[]) {
    const text = incompleteText(missing);
    super(text.en);
    this.text = text;
  }
}

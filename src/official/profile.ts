import { z } from '../schema/zod-mini.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';

/**
 * What an official layer can be: the kinds bureaus hand out (生态保护红线, 自然保护地 and its zones, 湿地, 饮用水水源保护区
 * and its level, 三线一单 环境管控单元 with its category, other restricted zones). The first four are zone kinds the
 * documents' rules name, so those rules apply to the official outlines as they do to the illustrative ones.
 */
export const officialKinds = [
  'ecological-red-line',
  'nature-reserve',
  'wetland',
  'drinking-water-source',
  'control-unit',
  'restricted-zone',
] as const;
export type OfficialKind = (typeof officialKinds)[number];

export const officialKindNames: Record<OfficialKind, Bilingual> = {
  'ecological-red-line': { zh: '生态保护红线', en: 'ecological red line' },
  'nature-reserve': { zh: '自然保护地（含功能分区）', en: 'nature reserve (and its zones)' },
  wetland: { zh: '湿地', en: 'wetland' },
  'drinking-water-source': { zh: '饮用水水源保护区', en: 'drinking-water source protection area' },
  'control-unit': { zh: '三线一单环境管控单元', en: '三线一单 environmental control unit' },
  'restricted-zone': { zh: '其他限制区', en: 'other restricted zone' },
};

/** The three categories of 环境管控单元, as the 三线一单 name them. */
export const controlCategories = ['优先保护', '重点管控', '一般管控'] as const;

const attribute = z.string().check(z.minLength(1));

/** The columns of an entry list (生态环境准入清单) as a bureau's spreadsheet exports them to CSV. */
export const entryListColumnsSchema = z.strictObject({
  /** The control unit's code, as the layer's codeAttribute gives it. */
  code: attribute,
  /** A project type: the atlas's id (steel), its Chinese or English name (钢铁, Steel), or 全部 / all. */
  projectType: attribute,
  /** 禁止, 限制, 有条件 or 允许 (prohibited, restricted, conditional, allowed). */
  verdict: attribute,
  /** The clause's text. */
  clause: attribute,
});

/**
 * A mapping profile: how to read one bureau's layer. Saved as a small JSON file that the atlas exports and the CLI
 * reads (--zone-profile), so that one reviewer's mapping can be reused by another.
 */
export const zoneProfileSchema = z
  .strictObject({
    version: z.literal(1),
    kind: z.enum(officialKinds),
    /** The attribute that names a feature (名称, MC, NAME...). */
    nameAttribute: attribute,
    /** The attribute that holds a feature's code (编码, 单元编码...); needed to join a control unit's entry list. */
    codeAttribute: z.optional(attribute),
    /** How far the boundary may be from the true one, in km, as the bureau states it (0.01 for a 1:10,000 survey). */
    accuracyKm: z.number().check(z.nonnegative(), z.lte(100)),
    /** Where that accuracy comes from, in the reviewer's words. */
    accuracyNote: z.optional(z.string()),
    /** Who made this mapping (a name or a unit), shown in the layer's provenance. */
    mappedBy: z.string().check(z.minLength(1)),
    /** Nature reserves: the attribute naming the zone (核心区, 缓冲区, 实验区...). */
    reserveZoneAttribute: z.optional(attribute),
    /** Drinking-water sources: the attribute naming the level (一级, 二级, 准保护区). */
    levelAttribute: z.optional(attribute),
    /** Control units: the attribute naming the category (优先保护, 重点管控, 一般管控). */
    categoryAttribute: z.optional(attribute),
    /** Control units: the entry list's columns, when an entry list is given. */
    entryList: z.optional(entryListColumnsSchema),
    /** The coordinate system the reviewer confirmed for a file that declares none, as an EPSG code (EPSG:4524). */
    crs: z.optional(z.string().check(z.regex(/^EPSG:\d{4,5}$/, 'crs must be an EPSG code such as EPSG:4524'))),
    /** The attribute table's encoding, when the reviewer chose it (a file without .cpg whose names read garbled). */
    encoding: z.optional(z.enum(['gbk', 'utf-8'])),
  })
  .check(
    z.superRefine((profile, context) => {
      if (profile.kind !== 'control-unit') return;
      for (const key of ['codeAttribute', 'categoryAttribute'] as const) {
        if (!profile[key]) context.addIssue({ code: 'custom', path: [key], message: `a control-unit layer needs ${key}` });
      }
    }),
  );
export type ZoneProfile = z.infer<typeof zoneProfileSchema>;

/** A profile from JSON text, or a bilingual message naming each field that is wrong. */
export function parseZoneProfile(text: string, file: string): ZoneProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SiteInputError({
      en: `the zone profile ${file} is not valid JSON: ${reason}`,
      zh: `区域映射文件${file}不是有效的JSON：${reason}`,
    });
  }
  const parsed = zoneProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const faults = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new SiteInputError({
    en: `the zone profile ${file} is not a valid mapping (${faults}); export it again from the atlas's import form`,
    zh: `区域映射文件${file}无效（${faults}）；请从图集的导入表单重新导出`,
  });
}

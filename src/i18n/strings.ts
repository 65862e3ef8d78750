import type { Lang } from '../state/state.ts';

/** Every interface string in Chinese and English; a test checks both are present and non-empty. */
export const strings = {
  appTitle: { zh: '内蒙古碳达峰与生态规划地图集', en: 'Inner Mongolia Carbon & Ecology Plan Atlas' },
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLabel: { zh: 'English：切换到英文界面', en: '中文: switch to Chinese' },
  layers: { zh: '图层', en: 'Layers' },
  showLayers: { zh: '显示图层面板', en: 'Show layer panel' },
  hideLayers: { zh: '隐藏图层面板', en: 'Hide layer panel' },
  opacity: { zh: '不透明度', en: 'Opacity' },
  features: { zh: '个要素', en: 'features' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  themeEnergy: { zh: '能源', en: 'Energy' },
  themeEcology: { zh: '生态', en: 'Ecology' },
  themeWater: { zh: '水环境', en: 'Water' },
  themeRestriction: { zh: '管控与限制', en: 'Restrictions' },
  themeAdministrative: { zh: '行政区划', en: 'Administrative' },
  themeBase: { zh: '底图', en: 'Base map' },
  unsurveyed: { zh: '虚线边界：手绘或示意，非测绘边界', en: 'Dashed edge: hand-drawn or illustrative, not surveyed' },
  layerFailed: { zh: '图层加载失败', en: 'Layer failed to load' },
  map: { zh: '地图', en: 'Map' },
  close: { zh: '关闭', en: 'Close' },
  alsoHere: { zh: '此处还有', en: 'Also here' },
  onlineBasemap: { zh: '在线底图（可选）', en: 'Online basemap (optional)' },
  onlineBasemapNote: {
    zh: '默认离线。设置后，地图会向你填写的服务器请求瓦片；设置仅保存在本浏览器中，不会写入分享链接。',
    en: 'Off by default. Once set, the map requests tiles from the server you give; the setting stays in this browser and never goes into shared links.',
  },
  onlineBasemapKind: { zh: '类型', en: 'Kind' },
  onlineBasemapTemplate: { zh: '栅格瓦片地址模板', en: 'Raster tile URL template' },
  onlineBasemapValue: { zh: '地址模板或天地图密钥', en: 'URL template or Tianditu key' },
  apply: { zh: '应用', en: 'Apply' },
  copyLink: { zh: '复制链接', en: 'Copy link' },
  linkCopied: { zh: '链接已复制：', en: 'Link copied:' },
  linkNotice: { zh: '链接中有无法恢复的部分，已忽略：', en: 'Parts of this link could not be restored and were ignored:' },
  dataChanged: {
    zh: '此链接创建后数据已更新（当时版本 {then}，现在 {now}）。',
    en: 'The data changed since this link was made (then version {then}, now {now}).',
  },
  turnOff: { zh: '关闭在线底图', en: 'Turn off' },
  citations: { zh: '文件依据', en: 'Cited in' },
  line: { zh: '第{n}行', en: 'line {n}' },
  accuracy: { zh: '精度', en: 'Accuracy' },
  accuracyClass: { zh: '{class}级，约±{km}公里', en: 'class {class}, about ±{km} km' },
  unknownValue: { zh: '未知（文件未给出）', en: 'unknown (not given in the documents)' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  search: { zh: '搜索地名', en: 'Search places' },
  searchPlaceholder: { zh: '输入中文或英文名称', en: 'Chinese or English name' },
  noResults: { zh: '无匹配结果', en: 'No match' },
  results: { zh: '条结果', en: 'results' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '类别', en: 'Category' },
  methodOpenData: { zh: '开放数据（测绘来源）', en: 'Open data (surveyed source)' },
  methodDerived: { zh: '由开放数据推导', en: 'Derived from open data' },
  methodHandDrawn: { zh: '手绘示意边界', en: 'Hand-drawn, schematic boundary' },
  methodIllustrative: { zh: '示意范围（非官方）', en: 'Illustrative, not official' },
  methodApproximatePoint: { zh: '近似位置（点）', en: 'Approximate location (point)' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;
export const t = (key: StringKey, lang: Lang): string => strings[key][lang];

/** The interface language a new visitor gets: Chinese for a Chinese browser, else English. */
export const browserLang = (languages: readonly string[]): Lang =>
  languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh' : 'en';

import type { Verdict } from '../screening/verdict.ts';
import type { Lang } from '../state/state.ts';

/** A table of interface strings, each in Chinese and English; a test checks every table's are present and non-empty. */
export type StringTable = Record<string, Record<Lang, string>>;

/**
 * The strings of the first view: the page's chrome, the layer panel, the legend, sharing and the link notices. Each
 * panel that loads later carries its own table (`src/i18n/<panel>-strings.ts`, with its own `t` that also knows
 * these), so that the page's first script does not carry every panel's words; each string is written once.
 */
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
  notLoaded: { zh: '地图集的这一部分未能加载，请重新加载页面：', en: 'This part of the atlas could not be loaded; reload the page:' },
  themeEnergy: { zh: '能源', en: 'Energy' },
  themeEcology: { zh: '生态', en: 'Ecology' },
  themeWater: { zh: '水环境', en: 'Water' },
  themeRestriction: { zh: '管控与限制', en: 'Restrictions' },
  themeAdministrative: { zh: '行政区划', en: 'Administrative' },
  themeBase: { zh: '底图', en: 'Base map' },
  unsurveyed: {
    zh: '虚线边界、斜线填充：手绘、示意或由开放数据推算，非测绘边界；实心填充：测绘或开放数据边界',
    en: 'Dashed edge, hatched fill: hand-drawn, illustrative or derived, not surveyed; solid fill: measured or open-data edge',
  },
  sketchedExtent: { zh: '（示意范围）', en: ' (sketched extent)' },
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
  tabLayers: { zh: '图层', en: 'Layers' },
  projectType: { zh: '项目类型', en: 'Project type' },
  site: { zh: '项目选址', en: 'Site' },
  zone: { zh: '区域', en: 'Zone' },
  verdict: { zh: '结论', en: 'Verdict' },
  dataVersion: { zh: '数据版本', en: 'Data version' },
  exportReport: { zh: '导出报告', en: 'Export the report' },
  verdictProhibited: { zh: '禁止', en: 'Prohibited' },
  verdictRestricted: { zh: '限制', en: 'Restricted' },
  verdictConditional: { zh: '有条件', en: 'Conditional' },
  verdictReview: { zh: '需核实', en: 'Review' },
  verdictClear: { zh: '未涉及管控', en: 'Clear' },
  verdictSame: { zh: '共享选址的结论未变（{now}）。', en: "The shared site's verdict is unchanged ({now})." },
  verdictChanged: {
    zh: '共享选址的结论已变化：当时为 {then}，现在为 {now}。',
    en: "The shared site's verdict changed: {then} then, {now} now.",
  },
  tabLedger: { zh: '目标台账', en: 'Ledger' },
  tabScreening: { zh: '选址筛查', en: 'Screening' },
  ledger: { zh: '政策目标台账', en: 'Policy ledger' },
  document: { zh: '文件', en: 'Document' },
  all: { zh: '全部', en: 'All' },
  region: { zh: '地区', en: 'Region' },
  ordos: { zh: '鄂尔多斯市', en: 'Ordos' },
  hinggan: { zh: '兴安盟', en: 'Hinggan League' },
  theme: { zh: '主题', en: 'Theme' },
  target: { zh: '目标', en: 'target' },
  measured: { zh: '地图测得', en: 'map' },
  shareAndPresent: { zh: '分享与演示', en: 'Share and present' },
  exportPng: { zh: '导出PNG', en: 'Export PNG' },
  exportPng2x: { zh: '导出PNG（2倍）', en: 'Export PNG (2x)' },
  embed: { zh: '嵌入代码', en: 'Embed' },
  embedSnippet: { zh: '将以下代码粘贴到网页中即可嵌入本地图：', en: 'Paste this into a web page to embed the map:' },
  present: { zh: '演示模式', en: 'Present' },
  leavePresentation: { zh: '按 Esc 退出演示', en: 'Press Esc to leave' },
  savedViews: { zh: '已保存的视图', en: 'Saved views' },
  viewName: { zh: '视图名称', en: 'View name' },
  save: { zh: '保存', en: 'Save' },
  open: { zh: '打开', en: 'Open' },
  delete: { zh: '删除', en: 'Delete' },
  clearViews: { zh: '清除全部视图', en: 'Clear all views' },
  clearViewsConfirm: { zh: '确定删除本浏览器中保存的全部视图吗？', en: 'Delete every view saved in this browser?' },
  shareFileOffer: {
    zh: '链接过长（超过8000字符），已改为下载分享文件；拖放到地图上或用 ?load= 打开。',
    en: 'The link would be over 8,000 characters, so a share file was downloaded instead; drop it on the map or open it with ?load=.',
  },
  linkCopied: { zh: '链接已复制：', en: 'Link copied:' },
  linkNotice: { zh: '链接中有无法恢复的部分，已忽略：', en: 'Parts of this link could not be restored and were ignored:' },
  dataChanged: {
    zh: '此链接创建后数据已更新（当时版本 {then}，现在 {now}）。',
    en: 'The data changed since this link was made (then version {then}, now {now}).',
  },
  turnOff: { zh: '关闭在线底图', en: 'Turn off' },
  line: { zh: '第{n}行', en: 'line {n}' },
  lines: { zh: '第{n}–{m}行', en: 'lines {n}–{m}' },
  documentReader: { zh: '文件原文', en: 'Document' },
  no: { zh: '否', en: 'no' },
  search: { zh: '搜索地名', en: 'Search places' },
  searchPlaceholder: { zh: '输入中文或英文名称', en: 'Chinese or English name' },
  noResults: { zh: '无匹配结果', en: 'No match' },
  results: { zh: '条结果', en: 'results' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '类别', en: 'Category' },
  about: { zh: '关于本图', en: 'About' },
  exportOptions: { zh: '导出图片的标题', en: 'Title of the exported image' },
  exportTitle: { zh: '标题', en: 'Title' },
  exportSubtitle: { zh: '副标题（可选）', en: 'Subtitle (optional)' },
  exporting: { zh: '正在导出{scale}倍图片…', en: 'Exporting the {scale}x image…' },
  legend: { zh: '图例', en: 'Legend' },
  copySnippet: { zh: '复制代码', en: 'Copy the code' },
  snippetCopied: { zh: '已复制', en: 'Copied' },
} as const satisfies StringTable;

export type StringKey = keyof typeof strings;

/** The lookup of a table: a key, then the language. */
export const translator =
  <Table extends StringTable>(table: Table) =>
  (key: keyof Table & string, lang: Lang): string =>
    table[key]![lang];

export const t = translator(strings);

/** The string of each verdict. */
export const verdictKey: Record<Verdict, StringKey> = {
  prohibited: 'verdictProhibited',
  restricted: 'verdictRestricted',
  conditional: 'verdictConditional',
  review: 'verdictReview',
  clear: 'verdictClear',
};

/** The interface language a new visitor gets: Chinese for a Chinese browser, else English. */
export const browserLang = (languages: readonly string[]): Lang =>
  languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh' : 'en';

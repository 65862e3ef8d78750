import { panelStrings } from './panel-strings.ts';
import { strings, translator, type StringTable } from './strings.ts';

/** The screening panel's strings (its card, the verdict sheet, the printed report and the report's columns): they load
 * with those, not with the first view. */
export const screeningStrings = {
  readingSite: { zh: '正在读取', en: 'Reading' },
  cancelReading: { zh: '取消读取', en: 'Cancel reading' },
  chooseProjectType: { zh: '请选择项目类型', en: 'Choose a project type' },
  drawSite: { zh: '绘制选址', en: 'Draw the site' },
  drawPoint: { zh: '画点', en: 'Draw point' },
  drawLine: { zh: '画线', en: 'Draw line' },
  drawPolygon: { zh: '画面', en: 'Draw polygon' },
  clearSite: { zh: '清除选址', en: 'Clear site' },
  drawHint: {
    zh: '点击或轻触地图添加顶点；键盘：方向键移动地图，回车在中心十字处加点，退格撤销，F 完成，Esc 取消。',
    en: 'Click or tap to add vertices. Keyboard: arrows pan, Enter adds a vertex at the centre cross, Backspace undoes, F finishes, Esc cancels.',
  },
  uploadSite: {
    zh: '上传文件（GeoJSON、KML、Shapefile压缩包、CSV、FlatGeobuf）',
    en: 'Upload a file (GeoJSON, KML, zipped Shapefile, CSV, FlatGeobuf)',
  },
  pasteCoordinates: { zh: '粘贴坐标', en: 'Paste coordinates' },
  pasteHint: {
    zh: '每行一个点：经度 纬度（十进制或度分秒），或界址点坐标表（点号 X Y）',
    en: 'One point per line: longitude latitude (decimal or DMS), or a boundary-point table (name X Y)',
  },
  datum: { zh: '坐标来源', en: 'Coordinates from' },
  datumGcj: { zh: '高德、腾讯地图', en: 'AMap, Tencent' },
  datumBd: { zh: '百度地图', en: 'Baidu' },
  gaussKrugerZone: { zh: '高斯-克吕格分带', en: 'Gauss-Krüger zone width' },
  centralMeridian: { zh: '中央经线（X无带号时填写）', en: 'Central meridian (when Y has no zone prefix)' },
  useCoordinates: { zh: '使用这些坐标', en: 'Use these coordinates' },
  screeningHint: { zh: '选择项目类型并确定选址后，即可看到筛查结论。', en: 'Pick a project type and define the site to see the verdict.' },
  pointSite: { zh: '点位', en: 'point' },
  ruleAndCitation: { zh: '规则与依据', en: 'Rule and citation' },
  nearestZones: { zh: '最近的管控区域：', en: 'Nearest controlled zones:' },
  engineVersion: { zh: '引擎版本', en: 'Engine version' },
  printReport: { zh: '打印/PDF', en: 'Print / PDF' },
  ofSite: { zh: '占选址', en: 'of the site' },
  ofZone: { zh: '占区域', en: 'of the zone' },
  fromEdge: { zh: '距边界', en: 'from the edge' },
  notTestable: { zh: '地图上无法检验的规定（{n} 条）', en: 'Rules the map cannot test ({n})' },
  verdictRange: {
    zh: '结论不确定：视边界核实结果，可能为“{best}”至“{worst}”',
    en: 'Not certain: {best} to {worst}, depending on the boundaries',
  },
  decisiveRule: { zh: '决定结论的规定', en: 'decides the verdict' },
  regionWideRules: { zh: '全区通用规定（{n} 条）', en: 'Region-wide rules ({n})' },
  zonesWithoutRule: { zh: '涉及但对该类项目无规定的区域（{n} 个）', en: 'Zones with no rule for this project type ({n})' },
  exempt: { zh: '豁免', en: 'Exempt' },
  capacityIn: { zh: '规模（{unit}，可选）', en: 'Capacity ({unit}, optional)' },
  capacityOptional: { zh: '规模（可选）', en: 'Capacity (optional)' },
  verdictDetails: { zh: '查看详情', en: 'Details' },
  accuracyBandHint: {
    zh: '地图上沿边界的浅色宽带是所绘边界的精度范围：真实边界可能在带内任何位置，选址落在带内时结论取决于实际边界。',
    en: "The faint band along an edge on the map is the drawn edge's accuracy: the true edge may lie anywhere in it, and where the site lies in the band the verdict depends on the true edge.",
  },
  locatorMap: { zh: '区位示意：选址在内蒙古的位置', en: 'Locator: the site in Inner Mongolia' },
  siteMap: { zh: '选址及涉及区域', en: 'The site and the zones it meets' },
  screeningReport: { zh: '项目选址筛查报告', en: 'Site screening report' },
} as const satisfies StringTable;

/** The first view's strings, those the panels share, and this panel's. */
export const t = translator({ ...strings, ...panelStrings, ...screeningStrings });

import { panelStrings } from './panel-strings.ts';
import { strings, translator, type StringTable } from './strings.ts';

/** The ledger panel's strings: they load with the ledger, not with the first view. */
export const ledgerStrings = {
  ledgerComputing: { zh: '正在计算台账…', en: 'Computing the ledger…' },
  filters: { zh: '筛选', en: 'Filters' },
  measuredOnly: { zh: '只看地图可测量的目标', en: 'Only targets the map measures' },
  exportCsv: { zh: '导出CSV', en: 'Export CSV' },
  baseline: { zh: '基期', en: 'baseline' },
  unknownShort: { zh: '未知', en: 'unknown' },
  conflicts: { zh: '与以下数字不一致：', en: 'Disagrees with:' },
  ledgerGlance: { zh: '概览：按状态计数', en: 'At a glance: rows by status' },
  ledgerByDocument: { zh: '按文件', en: 'By document' },
  ledgerByPlace: { zh: '按盟市和地区', en: 'By league, city or place' },
  ledgerByTheme: { zh: '按主题', en: 'By theme' },
  ledgerStatus: { zh: '状态', en: 'Status' },
  ledgerList: { zh: '列表', en: 'List' },
  ledgerTable: { zh: '宽表', en: 'Table' },
  ledgerColumns: { zh: '显示的列', en: 'Columns shown' },
  ledgerAsWritten: { zh: '原文', en: 'As written' },
  ledgerBinding: { zh: '指标属性', en: 'Binding status' },
  ledgerReading: { zh: '读作', en: 'read as' },
  ledgerAccuracy: { zh: '边界精度 ±{km} 公里（{class}类）', en: 'edges ±{km} km (class {class})' },
  ledgerRange: { zh: '范围 {low}–{high} {unit}', en: 'range {low}–{high} {unit}' },
  ledgerReported: { zh: '实际报告值', en: 'Reported values' },
  ledgerRecord: { zh: '录入实际报告值', en: 'Record a reported value' },
  ledgerValue: { zh: '数值', en: 'Value' },
  ledgerUnit: { zh: '单位', en: 'Unit' },
  ledgerYear: { zh: '年份', en: 'Year' },
  ledgerSource: { zh: '来源（统计公报、后续文件、网址或出处）', en: 'Source (statistical bulletin, later document, URL or citation)' },
  ledgerAchieved: { zh: '已完成', en: 'achieved' },
  ledgerNotAchieved: { zh: '未完成', en: 'not achieved' },
  ledgerImport: { zh: '导入实际值CSV', en: 'Import reported values (CSV)' },
  ledgerExportActuals: { zh: '导出实际值CSV', en: 'Export reported values (CSV)' },
  ledgerKept: { zh: '已录入 {n} 条实际值，保存在本浏览器中。', en: '{n} reported values, kept in this browser.' },
  ledgerUnavailable: {
    zh: '浏览器存储不可用：{n} 条实际值仅在本页面有效，请导出保存。',
    en: 'Browser storage is unavailable: {n} reported values last for this page only; export them to keep them.',
  },
  ledgerChart: { zh: '基期 → 实际 → 目标', en: 'Baseline → reported → target' },
  ledgerReason: { zh: '理由', en: 'Reason' },
  ledgerScope: { zh: '范围', en: 'Place' },
  ledgerIndicator: { zh: '指标', en: 'Indicator' },
} as const satisfies StringTable;

/** The first view's strings, those the panels share, and this panel's. */
export const t = translator({ ...strings, ...panelStrings, ...ledgerStrings });

import { panelStrings } from './panel-strings.ts';
import { strings, translator, type StringTable } from './strings.ts';

/** The about panel's strings: they load with the panel (opened on a first visit), not in the page's first script. */
export const aboutStrings = {
  aboutDismiss: { zh: '知道了，开始使用', en: 'Got it' },
  aboutIntro: {
    zh: '本图集把五份内蒙古碳达峰与生态环境规划文件中的空间目标和管控规定画在地图上，每个要素都注明所依据的文件和行号。',
    en: 'This atlas maps the spatial targets and rules of five Inner Mongolia carbon-peak and ecology plans; every feature cites its document and line.',
  },
  aboutDocuments: { zh: '收录的五份文件', en: 'The five documents' },
  aboutNumberUnknown: { zh: '文号未公开', en: 'document number not given' },
  aboutLayersTitle: { zh: '图层是什么、不是什么', en: 'What the layers are and are not' },
  aboutOfficial: {
    zh: '开放数据图层（实线边界）：取自公开的测绘来源，如行政区轮廓、河流和湖泊，精度见各要素说明。',
    en: 'Open-data layers (solid edges): taken from public surveyed sources such as outlines, rivers and lakes; each feature states its accuracy.',
  },
  aboutSchematic: {
    zh: '示意图层（虚线边界）：依据文件文字手绘或推算，只表示大致位置，不是官方边界，不能用于合规判定。',
    en: "Schematic layers (dashed edges): drawn by hand or derived from the documents' words; they show roughly where, are not official boundaries and cannot decide compliance.",
  },
  aboutIllustrative: {
    zh: '生态保护红线等示意范围：官方范围未公开，图上只是说明性的示例。',
    en: 'Illustrative areas such as the ecological red line: the official extent is not public; what the map shows is an example only.',
  },
  aboutAccuracyTitle: { zh: '精度等级', en: 'Accuracy classes' },
  aboutClassA: {
    zh: 'A级：误差约1公里以内，可看清具体地块周边。',
    en: 'Class A: within about 1 km; good enough to see what lies around a plot.',
  },
  aboutClassB: { zh: 'B级：误差约1至3公里，适合看乡镇尺度。', en: 'Class B: about 1 to 3 km off; good at township scale.' },
  aboutClassC: {
    zh: 'C级：示意，误差可达数十公里（例如“C级，±10–60公里”表示边界可能偏离这么远），只适合看全区格局。',
    en: 'Class C: schematic, possibly tens of kilometres off ("class C, ±10–60 km" means the edge may be that far out); for the regional picture only.',
  },
  aboutSourcesTitle: { zh: '数据来源与许可', en: 'Data sources and licences' },
  aboutSourcesNote: { zh: '来源说明按原文（英文）列出。', en: 'As each source words its own credit.' },
} as const satisfies StringTable;

/** The first view's strings, those the panels share, and this panel's. */
export const t = translator({ ...strings, ...panelStrings, ...aboutStrings });

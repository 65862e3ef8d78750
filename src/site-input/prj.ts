import { type SourceCrs, WGS84_DEGREES } from './crs.ts';
import { type Message, SiteInputError } from './site-input-error.ts';
import type { TransverseMercator } from './transverse-mercator.ts';

/** One WKT1 node: KEYWORD["name", 1.0, CHILD[...]]. */
interface Node {
  keyword: string;
  values: (string | number | Node)[];
}

const refuse = (problem: Message) =>
  new SiteInputError({ en: `.prj file: ${problem.en}`, zh: `.prj文件：${problem.zh}` });

/** Reads OGC/ESRI WKT1 (the dialect shapefile .prj files use); reports the character where it goes wrong. */
function parseTree(text: string): Node {
  let index = 0;
  const skipSpace = () => { while (/\s/.test(text[index] ?? '')) index++; };
  const fail = (expected: string) =>
    refuse({ en: `expected ${expected} at character ${index + 1}`, zh: `第${index + 1}个字符处应为${expected}` });
  const node = (): Node => {
    skipSpace();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))?.[0];
    if (!keyword) throw fail('a keyword');
    index += keyword.length;
    skipSpace();
    const open = text[index];
    if (open !== '[' && open !== '(') return { keyword: keyword.toUpperCase(), values: [] };
    index++;
    const values: Node['values'] = [];
    for (;;) {
      skipSpace();
      const char = text[index];
      if (char === '"') {
        const end = text.indexOf('"', index + 1);
        if (end < 0) throw fail('a closing quote');
        values.push(text.slice(index + 1, end));
        index = end + 1;
      } else if (/[-+\d.]/.test(char ?? '')) {
        const number = /^[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(text.slice(index))?.[0];
        if (!number) throw fail('a number');
        values.push(Number(number));
        index += number.length;
      } else {
        values.push(node());
      }
      skipSpace();
      if (text[index] === ',') { index++; continue; }
      if (text[index] === ']' || text[index] === ')') { index++; break; }
      throw fail('"," or "]"');
    }
    return { keyword: keyword.toUpperCase(), values };
  };
  return node();
}

const children = (node: Node, keyword: string) =>
  node.values.filter((value): value is Node => typeof value === 'object' && value.keyword === keyword);
const child = (node: Node, keyword: string) => children(node, keyword)[0];
const nameOf = (node: Node | undefined) => (typeof node?.values[0] === 'string' ? node.values[0] : '');
const numberAt = (node: Node | undefined, index: number) => (typeof node?.values[index] === 'number' ? node.values[index] : undefined);
/** "Gauss_Kruger", "Gauss-Kruger", "gauss kruger" alike. */
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Datums whose degrees match WGS-84 to within a few centimetres. */
const WGS84_LIKE = ['wgs84', 'wgs1984', 'worldgeodeticsystem1984', 'china2000', 'cgcs2000', 'chinageodeticcoordinatesystem2000'];

function datumNotes(geographic: Node): Message[] {
  const datum = squash(nameOf(child(geographic, 'DATUM')) || nameOf(geographic));
  if (WGS84_LIKE.some((name) => datum.includes(name))) return [];
  return [{
    en: `the .prj datum "${nameOf(child(geographic, 'DATUM'))}" was not converted; Beijing 1954 or Xian 1980 coordinates can be off by tens of metres or more`,
    zh: `未转换.prj中的基准“${nameOf(child(geographic, 'DATUM'))}”；北京54或西安80坐标可能偏差数十米以上`,
  }];
}

function projectionOf(projected: Node, geographic: Node): TransverseMercator {
  const method = nameOf(child(projected, 'PROJECTION'));
  if (!['transversemercator', 'gausskruger'].includes(squash(method))) {
    throw refuse({
      en: `projection "${method}" is not supported; only Gauss-Krüger / Transverse Mercator can be converted (or save the file in WGS 84 or CGCS2000 degrees)`,
      zh: `不支持投影“${method}”，仅能转换高斯-克吕格/横轴墨卡托投影（或将文件另存为WGS 84或CGCS2000经纬度）`,
    });
  }
  const parameter = (...names: string[]) =>
    numberAt(children(projected, 'PARAMETER').find((node) => names.includes(squash(nameOf(node)))), 1);
  const spheroid = child(child(geographic, 'DATUM') ?? geographic, 'SPHEROID');
  const [a, inverseFlattening] = [numberAt(spheroid, 1), numberAt(spheroid, 2)];
  const centralMeridian = parameter('centralmeridian', 'longitudeofcenter', 'longitudeoforigin');
  if (a === undefined || !inverseFlattening || centralMeridian === undefined) {
    throw refuse({ en: 'the spheroid or the central meridian is missing', zh: '缺少椭球参数或中央经线' });
  }
  if ((parameter('latitudeoforigin') ?? 0) !== 0) {
    throw refuse({ en: 'a latitude of origin other than 0 is not supported', zh: '不支持非0的起始纬度' });
  }
  return {
    ellipsoid: { a, f: 1 / inverseFlattening },
    centralMeridian,
    scale: parameter('scalefactor') ?? 1,
    falseEasting: parameter('falseeasting') ?? 0,
    falseNorthing: parameter('falsenorthing') ?? 0,
  };
}

/** The coordinate system of a shapefile's .prj: degrees, or a Transverse Mercator it can undo. */
export function crsFromPrj(text: string): SourceCrs {
  const root = parseTree(text);
  if (root.keyword === 'GEOGCS') {
    const unit = numberAt(child(root, 'UNIT'), 1);
    if (unit !== undefined && Math.abs(unit - Math.PI / 180) > 1e-9) {
      throw refuse({ en: `angular unit "${nameOf(child(root, 'UNIT'))}" is not degrees`, zh: `角度单位“${nameOf(child(root, 'UNIT'))}”不是度` });
    }
    return { ...WGS84_DEGREES, name: nameOf(root), notes: datumNotes(root) };
  }
  const geographic = child(root, 'GEOGCS');
  if (root.keyword !== 'PROJCS' || !geographic) {
    throw refuse({
      en: `expected a WKT1 GEOGCS or PROJCS definition, found ${root.keyword}`,
      zh: `应为WKT1格式的GEOGCS或PROJCS定义，实为${root.keyword}`,
    });
  }
  const unit = numberAt(child(root, 'UNIT'), 1) ?? 1;
  if (unit !== 1) {
    throw refuse({ en: `linear unit "${nameOf(child(root, 'UNIT'))}" is not metres`, zh: `长度单位“${nameOf(child(root, 'UNIT'))}”不是米` });
  }
  return { name: nameOf(root), projection: projectionOf(root, geographic), notes: datumNotes(geographic) };
}

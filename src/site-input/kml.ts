import type { Position } from 'geojson';
import type { FileParts, SiteGeometry, SitePart } from './site-input.ts';
import { type Message, SiteInputError } from './site-input-error.ts';
import { readXml, type XmlElement } from './xml.ts';

const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
const descendants = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);

/** KML <coordinates>: whitespace-separated "longitude,latitude[,altitude]" tuples. */
function coordinates(owner: XmlElement): Position[] {
  const element = childrenNamed(owner, 'coordinates')[0];
  if (!element) {
    throw new SiteInputError({ en: `KML line ${owner.line}: <${owner.name}> has no <coordinates>`, zh: `KML第${owner.line}行：<${owner.name}>缺少<coordinates>` });
  }
  // Some writers put spaces after the commas; a comma always joins the parts of one tuple.
  const tuples = element.text.trim().replace(/\s*,\s*/g, ',').split(/\s+/).filter(Boolean);
  return tuples.map((tuple, index) => {
    const values = tuple.split(',');
    const numbers = values.map(Number);
    if ((values.length !== 2 && values.length !== 3) || !numbers.every(Number.isFinite)) {
      throw new SiteInputError({
        en: `KML line ${element.line}: coordinate ${index + 1} "${tuple}" is not longitude,latitude[,altitude]`,
        zh: `KML第${element.line}行：第${index + 1}个坐标“${tuple}”不是“经度,纬度[,高程]”`,
      });
    }
    return numbers.slice(0, 2);
  });
}

const ringsIn = (polygon: XmlElement, boundary: string) =>
  childrenNamed(polygon, boundary).flatMap((element) => childrenNamed(element, 'LinearRing')).map(coordinates);

function geometriesIn(element: XmlElement): SiteGeometry[] {
  return element.children.flatMap((child): SiteGeometry[] => {
    switch (child.name) {
      case 'Point': {
        const [position] = coordinates(child);
        return position ? [{ type: 'Point', coordinates: position }] : [];
      }
      case 'LineString': return [{ type: 'LineString', coordinates: coordinates(child) }];
      case 'LinearRing': return [{ type: 'Polygon', coordinates: [coordinates(child)] }];
      case 'Polygon': {
        const outer = ringsIn(child, 'outerBoundaryIs');
        if (outer.length !== 1) {
          throw new SiteInputError({
            en: `KML line ${child.line}: <Polygon> needs exactly one <outerBoundaryIs><LinearRing>, found ${outer.length}`,
            zh: `KML第${child.line}行：<Polygon>应有且仅有一个<outerBoundaryIs><LinearRing>，实有${outer.length}个`,
          });
        }
        return [{ type: 'Polygon', coordinates: [...outer, ...ringsIn(child, 'innerBoundaryIs')] }];
      }
      case 'MultiGeometry': return geometriesIn(child);
      default: return [];
    }
  });
}

/** Every Placemark's Point, LineString, LinearRing and Polygon (with holes), MultiGeometry flattened. KML is WGS-84. */
export function readKml(text: string): FileParts {
  const root = readXml(text);
  if (root.name !== 'kml') {
    throw new SiteInputError({ en: `expected a KML document (<kml>), found <${root.name}>`, zh: `应为KML文档（<kml>），实为<${root.name}>` });
  }
  const notes: Message[] = [];
  const without: number[] = [];
  const parts: SitePart[] = descendants(root, 'Placemark').flatMap((placemark, index) => {
    const name = childrenNamed(placemark, 'name')[0]?.text.trim();
    const where: Message = name
      ? { en: `placemark ${index + 1} (${name})`, zh: `第${index + 1}个地标（${name}）` }
      : { en: `placemark ${index + 1}`, zh: `第${index + 1}个地标` };
    const geometries = geometriesIn(placemark);
    if (geometries.length === 0) without.push(index + 1);
    return geometries.map((geometry) => ({ geometry, where }));
  });
  if (without.length > 0) {
    notes.push({ en: `skipped placemarks without a point, line or polygon: ${without.join(', ')}`, zh: `跳过了不含点、线、面的地标：${without.join(', ')}` });
  }
  if (parts.length === 0) {
    throw new SiteInputError({ en: 'the KML has no Placemark with a Point, LineString or Polygon', zh: 'KML中没有包含点、线或面的地标（Placemark）' });
  }
  return { parts, notes };
}

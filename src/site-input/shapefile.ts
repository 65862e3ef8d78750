import type { Position } from 'geojson';
import type { SiteGeometry, SitePart } from './site-input.ts';
import { type Message, SiteInputError } from './site-input-error.ts';

/** Shape type codes of the ESRI Shapefile Technical Description (1998); Z and M variants share the x, y layout. */
const POINT = [1, 11, 21];
const POLYLINE = [3, 13, 23];
const POLYGON = [5, 15, 25];
const MULTIPOINT = [8, 18, 28];

const broken = (en: string, zh: string) => new SiteInputError({ en: `the .shp file is damaged: ${en}`, zh: `.shp文件已损坏：${zh}` });

/** Twice the signed area; shapefile outer rings run clockwise (negative), holes counter-clockwise. */
const doubledArea = (ring: Position[]) =>
  ring.slice(1).reduce((sum, [x = 0, y = 0], index) => {
    const [px = 0, py = 0] = ring[index] ?? [];
    return sum + (px * y - x * py);
  }, 0);

function inside([x = 0, y = 0]: Position, ring: Position[]): boolean {
  let crossings = 0;
  ring.slice(1).forEach(([x1 = 0, y1 = 0], index) => {
    const [x0 = 0, y0 = 0] = ring[index] ?? [];
    if (y0 > y !== y1 > y && x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) crossings++;
  });
  return crossings % 2 === 1;
}

/**
 * Groups a polygon record's rings into polygons: each clockwise ring starts one, each counter-clockwise ring is a
 * hole of the outer ring containing it. Rings are reversed for GeoJSON's right-hand rule (outer counter-clockwise).
 */
function polygonsOf(rings: Position[][], notes: Message[], record: number): Position[][][] {
  const outers = rings.filter((ring) => doubledArea(ring) <= 0);
  const polygons = outers.map((ring) => [[...ring].reverse()]);
  let orphans = 0;
  rings.filter((ring) => doubledArea(ring) > 0).forEach((hole) => {
    const owner = outers.findIndex((outer) => hole[0] && inside(hole[0], outer));
    if (owner < 0) {
      orphans++;
      polygons.push([hole]);
    } else {
      polygons[owner]?.push([...hole].reverse());
    }
  });
  if (orphans > 0) {
    notes.push({
      en: `record ${record}: ${orphans} counter-clockwise ring(s) lie in no outer ring and were kept as separate polygons`,
      zh: `第${record}条记录：${orphans}个逆时针环不在任何外环内，已作为独立多边形保留`,
    });
  }
  return polygons;
}

/** The point, polyline, polygon and multipoint records of a .shp file, in the file's own x, y. */
export function readShapefile(bytes: Uint8Array, notes: Message[]): SitePart[] {
  if (bytes.length < 100) throw broken('it is shorter than its 100-byte header', '文件短于100字节的文件头');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0) !== 9994) throw broken('it does not start with the shapefile code 9994', '文件开头不是shapefile标识9994');
  const length = view.getInt32(24) * 2;
  if (length > bytes.length) throw broken(`its header says ${length} bytes but it has ${bytes.length}`, `文件头标明${length}字节，实有${bytes.length}字节`);
  const parts: SitePart[] = [];
  let nulls = 0;
  for (let offset = 100; offset + 8 <= length;) {
    const record = view.getInt32(offset);
    const start = offset + 8;
    const end = start + view.getInt32(offset + 4) * 2;
    if (end > length || end < start + 4) throw broken(`record ${record} at byte ${offset} runs past the end of the file`, `第${record}条记录（第${offset}字节）超出文件末尾`);
    offset = end;
    const type = view.getInt32(start, true);
    const point = (at: number): Position => [view.getFloat64(at, true), view.getFloat64(at + 8, true)];
    const where = { en: `record ${record}`, zh: `第${record}条记录` };
    if (type === 0) { nulls++; continue; }
    if (POINT.includes(type)) {
      if (start + 20 > end) throw broken(`record ${record} is too short for a point`, `第${record}条记录不足以存放一个点`);
      parts.push({ geometry: { type: 'Point', coordinates: point(start + 4) }, where });
      continue;
    }
    if (!POLYLINE.includes(type) && !POLYGON.includes(type) && !MULTIPOINT.includes(type)) {
      throw new SiteInputError({
        en: `record ${record} has shape type ${type}; only points, multipoints, polylines and polygons can be read`,
        zh: `第${record}条记录的图形类型为${type}，仅支持点、多点、线和面`,
      });
    }
    const multipoint = MULTIPOINT.includes(type);
    const partCount = multipoint ? 1 : view.getInt32(start + 36, true);
    const pointCount = view.getInt32(start + (multipoint ? 36 : 40), true);
    const pointsAt = start + (multipoint ? 40 : 44 + 4 * partCount);
    if (partCount < 0 || pointCount < 0 || pointsAt + 16 * pointCount > end) {
      throw broken(`record ${record} holds fewer points than it declares`, `第${record}条记录的点数少于其声明`);
    }
    const points = Array.from({ length: pointCount }, (_, index) => point(pointsAt + 16 * index));
    if (multipoint) {
      parts.push({ geometry: { type: 'MultiPoint', coordinates: points }, where });
      continue;
    }
    const starts = Array.from({ length: partCount }, (_, index) => view.getInt32(start + 44 + 4 * index, true));
    const lines = starts.map((first, index) => points.slice(first, starts[index + 1] ?? pointCount));
    let geometry: SiteGeometry;
    if (POLYLINE.includes(type)) {
      geometry = lines.length === 1 && lines[0] ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
    } else {
      const polygons = polygonsOf(lines, notes, record);
      geometry = polygons.length === 1 && polygons[0] ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    }
    parts.push({ geometry, where });
  }
  if (nulls > 0) notes.push({ en: `skipped ${nulls} empty (null) record(s)`, zh: `跳过了${nulls}条空记录` });
  return parts;
}

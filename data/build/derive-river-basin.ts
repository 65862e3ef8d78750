/**
 * Reproduces data/river-basins/source.geojson: the Yellow River basin inside Inner Mongolia (class C). Run by hand
 * (`npx tsx data/build/derive-river-basin.ts`) with ../shared/geodata beside the checkout; the data build reads the
 * written file. No open watershed or elevation data is on hand, so the divide is a line of hand-placed vertices along
 * the ridges that part the basin from the interior and Hai basins; the script checks it against the open rivers:
 * every GSHHG river that joins the Yellow River must lie inside, and the open rivers north of the Yinshan that do not
 * join it must lie outside. The outline is the divide polygon cut to the region outline of data/base-region.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, distance, featureCollection, intersect, polygon, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

const root = join(import.meta.dirname, '..', '..');
const shared = join(root, '..', 'shared', 'geodata');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;

/**
 * The divide, west to east along the north, then closing far south of the region (the region outline cuts it):
 * Helan Shan's north end and the Ulan Buh west of the river (Wuda and Wusitai inside, Alxa's interior basin outside),
 * the Langshan crest north of the Hetao plain, the Seerteng and Daqing Shan crests north of Baotou and Hohhot, the
 * source of the 大黑河 near Zhuozi, then south between the 大黑河 and 浑河 and the closed Daihai basin, to the Shanxi
 * border. Ordos's closed inland area counts as basin (the plan's "黄河流域7盟市" includes all of Ordos).
 */
const divide: Position[] = [
  [106.45, 37.3],
  [106.4, 38.4],
  [106.45, 39.0],
  [106.5, 39.3],
  [106.35, 39.8],
  [106.3, 40.3],
  [106.45, 40.8],
  [106.9, 41.2],
  [107.5, 41.35],
  [108.2, 41.4],
  [108.8, 41.4],
  [109.6, 41.35],
  [110.2, 41.2],
  [110.8, 41.05],
  [111.4, 41.0],
  [112.0, 40.95],
  [112.6, 41.05],
  [112.75, 40.9],
  [112.5, 40.72],
  [112.3, 40.5],
  [112.45, 40.3],
  [112.4, 39.9],
  [112.8, 39.3],
  [111.5, 37.3],
  [106.45, 37.3],
];

const lines = (feature: Feature) => {
  const geometry = feature.geometry as LineString | MultiLineString;
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
};
const km = (a: Position, b: Position) => distance(a, b, { units: 'kilometers' });

/** GSHHG rivers joined (end to vertex, within 2 km) to the Yellow River directly or through other rivers. */
function riversJoiningYellowRiver(rivers: Feature[], yellowRiver: Position[]): Set<number> {
  const vertices = rivers.map((river) => lines(river).flat());
  const ends = rivers.map((river) => lines(river).flatMap((line) => [line[0] as Position, line[line.length - 1] as Position]));
  const meets = (a: number, points: Position[]) => ends[a]!.some((end) => points.some((point) => km(end, point) < 2));
  const joined = new Set(rivers.flatMap((_, n) => (meets(n, yellowRiver) ? [n] : [])));
  for (let grew = true; grew; ) {
    grew = false;
    for (let n = 0; n < rivers.length; n++) {
      if (joined.has(n)) continue;
      if ([...joined].some((m) => meets(n, vertices[m]!) || meets(m, vertices[n]!))) {
        joined.add(n);
        grew = true;
      }
    }
  }
  return joined;
}

const region = read(join(root, 'data', 'base-region', 'source.geojson')).features[0] as Feature<Polygon | MultiPolygon>;
const rivers = read(join(shared, 'rivers_gshhg_l1-4_nei_mongol.geojson')).features;
const yellowRiver = read(join(shared, 'yellow_river_gshhg_nei_mongol.geojson')).features.flatMap(lines).flat();
const area = polygon([divide]);
const joined = riversJoiningYellowRiver(rivers, yellowRiver);
const problems = rivers.flatMap((river, n) => {
  const points = lines(river).flat();
  const outside = points.filter((point) => !booleanPointInPolygon(point, area)).length;
  if (joined.has(n) && outside > 0) return [`river ${n} joins the Yellow River but ${outside} of its vertices lie outside the divide`];
  // Rivers north of 41.3 N that do not join it are the Yinshan's closed northern drainage (塔布河 and its neighbours).
  const northern = points.every((point) => (point[1] as number) > 41.3);
  if (!joined.has(n) && northern && outside < points.length)
    return [`river ${n} does not join the Yellow River but lies inside the divide`];
  return [];
});
if (problems.length > 0) throw new Error(problems.join('\n'));
const basin = intersect(featureCollection([area, region]));
if (!basin) throw new Error('the divide does not meet the region');
const citations = [
  { doc: 'nm-ecology-14th', line: 1726, quote: '重点推进黄河流域生态保护与环境治理' },
  { doc: 'nm-ecology-14th', line: 1732, endLine: 1734, quote: '推动沿黄高耗水、高污染企业入园' },
  { doc: 'nm-ecology-14th', line: 1744, quote: '氯碱化工、原料药制造等行业环境风险防控' },
  { doc: 'nm-ecology-14th', line: 2799, quote: '加大黄河流域7盟市大宗固废的综合整治力度' },
];
const feature = truncate(
  {
    type: 'Feature',
    geometry: basin.geometry,
    properties: {
      id: 'yellow-river-basin',
      name_zh: '黄河流域（内蒙古境内）',
      name_en: 'Yellow River basin (inside Inner Mongolia)',
      category: 'river-basin',
      citations,
      method: 'derived',
      accuracy: 'C',
      accuracy_km: 30,
      zone_kind: 'river-basin',
      river: 'yellow-river',
      rivers: ['yellow-river-main-stem', 'yellow-river-tributaries'],
      joined_rivers: joined.size,
      note_zh:
        '分水岭按山脊手工定点（贺兰山北端、狼山、色尔腾山、大青山、大黑河源头、岱海盆地西侧），以GSHHG河流检验：汇入黄河的河流全部在内，阴山以北内流河在外；再按内蒙古轮廓裁切。鄂尔多斯内流区计入流域。精度约30公里（C级），不是官方流域界线。',
      note_en:
        'Divide placed by hand along the ridges (Helan Shan north end, Langshan, Seerteng Shan, Daqing Shan, the source of the 大黑河, west of the Daihai basin), checked against GSHHG rivers: every river that joins the Yellow River lies inside, the closed rivers north of the Yinshan outside; cut to the Inner Mongolia outline. Ordos’s closed inland area counts as basin. Good to about 30 km (class C); not the official basin boundary.',
    },
  },
  { precision: 6, mutate: true },
);
writeFileSync(
  join(root, 'data', 'river-basins', 'source.geojson'),
  `${JSON.stringify({ type: 'FeatureCollection', features: [feature] }, null, 1)}\n`,
);
console.log(`rivers joining the Yellow River: ${joined.size} of ${rivers.length}; basin written`);

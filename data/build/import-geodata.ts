/**
 * Copies the open base data of ../shared/geodata into data/base-<id>/source.geojson, adding Chinese and English
 * names and generalising the neighbouring provinces for display. Run once when ../shared/geodata changes:
 *   npx tsx data/build/import-geodata.ts [path to geodata]
 * The open-data extraction itself (Debian gmt, gmt-dcw, gmt-gshhg, gdal-bin) is in extract-open-data.sh.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { storedAreaKm2 } from './areas.ts';

const geodata = process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'geodata');
const dataRoot = join(import.meta.dirname, '..');

const read = (name: string): FeatureCollection => JSON.parse(readFileSync(join(geodata, name), 'utf8')) as FeatureCollection;

/** Rounds to 1e-6 degrees (about 0.1 m): far below the data's accuracy, and keeps files small. */
function round(geometry: Geometry): Geometry {
  const walk = (value: unknown): unknown =>
    typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : Array.isArray(value) ? value.map(walk) : value;
  return { ...geometry, coordinates: walk((geometry as { coordinates: unknown }).coordinates) } as Geometry;
}

function write(id: string, features: Feature[]): void {
  mkdirSync(join(dataRoot, id), { recursive: true });
  const collection = { type: 'FeatureCollection', features: features.map((f) => ({ ...f, geometry: round(f.geometry) })) };
  writeFileSync(join(dataRoot, id, 'source.geojson'), JSON.stringify(collection) + '\n');
  console.log(`${id}: ${features.length} features`);
}

/** Chinese names of the neighbours and towns; the open sources carry English names only. */
const chinese: Record<string, string> = {
  'Ningxia (China)': '宁夏回族自治区',
  'Gansu (China)': '甘肃省',
  'Shaanxi (China)': '陕西省',
  'Shanxi (China)': '山西省',
  'Hebei (China)': '河北省',
  'Liaoning (China)': '辽宁省',
  'Jilin (China)': '吉林省',
  'Heilongjiang (China)': '黑龙江省',
  'Beijing (China)': '北京市',
  'Tianjin (China)': '天津市',
  Mongolia: '蒙古国',
  'Russian Federation': '俄罗斯',
  China: '中国',
  Russia: '俄罗斯',
  'South Korea': '韩国',
  'North Korea': '朝鲜',
  Hohhot: '呼和浩特',
  Baotou: '包头',
  Ordos: '鄂尔多斯',
  'Bayan Nur': '巴彦淖尔',
  Chifeng: '赤峰',
  Tongliao: '通辽',
  Jining: '集宁',
  Wuhai: '乌海',
  Hailar: '海拉尔',
  Ulanhot: '乌兰浩特',
  Jiagedaqi: '加格达奇',
  Zhalantun: '扎兰屯',
  Wuda: '乌达',
  'Xilin Hot': '锡林浩特',
  Yakeshi: '牙克石',
  'Jalai Nur': '扎赉诺尔',
  Dongsheng: '东胜',
  'Bayan Hot': '巴彦浩特',
  Genhe: '根河',
  Fengzhen: '丰镇',
  Shiguai: '石拐',
  Pingzhuang: '平庄',
  Salaqi: '萨拉齐',
  Alihe: '阿里河',
  Mujiayingzi: '木家营子',
  Manzhouli: '满洲里',
  'Dalain Hob': '达来呼布',
  'Ehen Hudag': '额很胡都格',
  Erenhot: '二连浩特',
};
const english = (name: string) => name.replace(' (China)', '').replace('Russian Federation', 'Russia');
/** The region's own English forms where GeoNames spells a name otherwise (src/i18n/places.ts keeps the other as an alias). */
const officialEnglish: Record<string, string> = { 'Bayan Nur': 'Bayannur' };

write(
  'base-countries',
  read('ne10m_world_atlas_countries_region.geojson').features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    // China goes unnamed: its label would fall inside Inner Mongolia, and its provinces are named by base-provinces.
    properties:
      f.properties?.name === 'China'
        ? {}
        : { name_en: String(f.properties?.name), name_zh: chinese[String(f.properties?.name)] ?? String(f.properties?.name) },
  })),
);

// Provinces are drawn for context only: a 0.005 degree (about 0.5 km) generalisation keeps them inside accuracy class A.
write(
  'base-provinces',
  read('dcw_context.geojson')
    .features.filter((f) => f.properties?.name !== 'Nei Mongol (China)')
    .map((f) => ({
      type: 'Feature',
      geometry: simplify(f, { tolerance: 0.005, highQuality: false }).geometry,
      // Mongolia and Russia are named by base-countries; naming them here too would label them twice.
      properties: String(f.properties?.name).endsWith('(China)')
        ? { name_en: english(String(f.properties?.name)), name_zh: chinese[String(f.properties?.name)] ?? '' }
        : {},
    })),
);

const region = read('dcw_nei_mongol.geojson').features[0];
if (!region) throw new Error('dcw_nei_mongol.geojson has no feature');
write('base-region', [{ type: 'Feature', geometry: region.geometry, properties: { name_en: 'Inner Mongolia', name_zh: '内蒙古自治区' } }]);

write(
  'base-rivers',
  read('rivers_gshhg_l1-4_nei_mongol.geojson').features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { level: Number(f.properties?.level) },
  })),
);

write(
  'base-yellow-river',
  read('yellow_river_gshhg_nei_mongol.geojson').features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { name_en: 'Yellow River', name_zh: '黄河' },
  })),
);

write(
  'base-lakes',
  read('lakes_gshhg_nei_mongol.geojson').features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      name_en: f.properties?.name_en ?? '',
      name_zh: f.properties?.name_zh ?? '',
      // The geodata file's areas are spherical; the atlas stores ellipsoidal ones (see areas.ts).
      area_km2: storedAreaKm2(f.geometry),
    },
  })),
);

write(
  'base-towns',
  read('geonames_cities_nei_mongol.geojson').features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      geonameid: Number(f.properties?.geonameid),
      name_en: officialEnglish[String(f.properties?.name)] ?? String(f.properties?.name),
      name_zh: chinese[String(f.properties?.name)] ?? String(f.properties?.name),
      population: Number(f.properties?.population),
      // Only the large cities are labelled at the whole-region view; the rest from zoom 6, so labels do not collide.
      label_min_zoom: Number(f.properties?.population) >= 200_000 ? 3 : 6,
    },
  })),
);

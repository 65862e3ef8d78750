import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Seed } from '../schema/seed.ts';
import { loadSiteRecordReader } from '../site-input/index.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { entryListSeed, readEntryList } from './entry-list.ts';
import { densifyOfficialFeatures, officialEdgeToleranceMetres } from './geodesic-edges.ts';
import type { LayerFeature, LayerFile } from './layer-file.ts';
import { controlCategories, officialKindNames, type OfficialKind, type ZoneProfile } from './profile.ts';

/** Where an official layer came from: what the layer panel lists and a share link names. */
export interface LayerProvenance {
  id: string;
  kind: OfficialKind;
  file: string;
  /** When it was imported (ISO 8601). */
  importedAt: string;
  sha256: string;
  featureCount: number;
  /** The coordinate system it was read in, and whether the file declared it or the reviewer confirmed it. */
  crs: { name: string; source: 'declared' | 'confirmed' };
  mappedBy: string;
  accuracyKm: number;
  /** Long edges were densified along geodesics to within this many metres (from accuracyKm), adding this many
   * vertices. Absent from layers a browser stored before the import densified. */
  geodesicEdges?: { toleranceMetres: number; addedVertices: number };
  entryList?: { file: string; sha256: string; rows: number };
}

/** A reviewer's official layer, ready to screen on: zones, the entry list's rules as a document, and provenance. */
export interface OfficialLayer {
  provenance: LayerProvenance;
  collection: FeatureCollection<Polygon | MultiPolygon>;
  /** The entry list as a document whose rules bind to the layer's control units. */
  seed?: Seed;
  notes: Bilingual[];
}

/** The engine's zone kind for each official kind: the four the documents' rules name keep their names. */
const zoneKindOf: Record<OfficialKind, string> = {
  'ecological-red-line': 'ecological-red-line',
  'nature-reserve': 'nature-reserve',
  wetland: 'wetland',
  'drinking-water-source': 'drinking-water-source',
  'control-unit': 'control-unit',
  'restricted-zone': 'restricted-zone',
};

const text = (value: unknown): string | undefined =>
  value === null || value === undefined || String(value).trim() === '' ? undefined : String(value).trim();

/** A profile that names an attribute the file lacks is refused, listing the attributes the file has. */
function assertAttributes(layer: LayerFile, profile: ZoneProfile): void {
  const named = [
    profile.nameAttribute,
    profile.codeAttribute,
    profile.categoryAttribute,
    profile.levelAttribute,
    profile.reserveZoneAttribute,
  ];
  const missing = named.filter((name): name is string => name !== undefined && !layer.attributes.includes(name));
  if (missing.length === 0) return;
  throw new SiteInputError({
    en: `${layer.file} has no attribute ${missing.map((name) => `"${name}"`).join(', ')} that the mapping names; its attributes are: ${layer.attributes.join(', ') || '(none)'}; choose one of these in the mapping`,
    zh: `${layer.file}中没有映射所指的属性${missing.map((name) => `“${name}”`).join('、')}；其属性为：${layer.attributes.join('、') || '（无）'}；请在映射中从中选择`,
  });
}

/** The coordinate system to read the file in: the one it declares, or the one the reviewer confirmed. */
function crsOf(layer: LayerFile, profile: ZoneProfile): LayerProvenance['crs'] {
  if (layer.declaredCrs !== undefined) return { name: layer.declaredCrs, source: 'declared' };
  if (profile.crs) return { name: profile.crs, source: 'confirmed' };
  const guess = layer.guess;
  const offer = guess?.epsg
    ? { en: `confirm EPSG:${guess.epsg}`, zh: `确认EPSG:${guess.epsg}` }
    : guess?.candidates.length
      ? { en: `choose one of EPSG:${guess.candidates.join(', EPSG:')}`, zh: `从EPSG:${guess.candidates.join('、EPSG:')}中选择` }
      : { en: 'add the .prj file the GIS wrote', zh: '附上GIS软件导出的.prj文件' };
  throw new SiteInputError({
    en: `${layer.file} declares no coordinate system (no .prj file, GeoJSON crs or FlatGeobuf header CRS); ${guess?.why.en ?? ''}; ${offer.en} in the import form (in the CLI: "crs": "EPSG:…" in the profile)`,
    zh: `${layer.file}未声明坐标系（没有.prj文件，也没有GeoJSON或FlatGeobuf中的坐标系信息）；${guess?.why.zh ?? ''}；请在导入表单中${offer.zh}（命令行：在映射文件中写"crs": "EPSG:…"）`,
  });
}

/** The category of a control unit from its attribute (优先保护单元 → 优先保护), or a message naming the unit. */
function categoryOf(feature: LayerFeature, attribute: string, file: string): string {
  const value = text(feature.properties[attribute]) ?? '';
  const category = controlCategories.find((name) => value.includes(name));
  if (category) return category;
  throw new SiteInputError({
    en: `${file}, ${feature.where.en}: the category "${value}" in ${attribute} is none of ${controlCategories.join(', ')}; correct the attribute or choose the category attribute again`,
    zh: `${file}，${feature.where.zh}：${attribute}中的类别“${value}”不是${controlCategories.join('、')}之一；请更正属性或重新选择类别属性`,
  });
}

export interface BuildOptions {
  importedAt: string;
  entryList?: { file: string; bytes: Uint8Array; sha256: string };
  /** Told every 1,000 features how many of how many are done (the atlas's progress bar). */
  onProgress?(done: number, total: number): void;
}

/**
 * The layer as screening zones: each feature checked and repaired like a site (in the coordinate system declared or
 * confirmed), named by the profile's attribute, cited by file and feature, with basis official-user and the stated
 * accuracy; a control unit carries its category and its entry list's rules. Throws SiteInputError.
 */
export async function buildOfficialLayer(layer: LayerFile, profile: ZoneProfile, options: BuildOptions): Promise<OfficialLayer> {
  assertAttributes(layer, profile);
  if (layer.garbled && !profile.encoding) throw new SiteInputError(layer.garbled.text);
  const crs = crsOf(layer, profile);
  const id = `official-${profile.kind}-${layer.sha256.slice(0, 8)}`;
  const check = await loadSiteRecordReader();
  const notes = new Map<string, Bilingual & { count: number }>();
  const codes = new Set<string>();
  const zoneIdOf = (code: string) => `${id}/${code}`;
  const read = layer.features.map((feature, index): Feature<Polygon | MultiPolygon> => {
    if (index % 1000 === 0) options.onProgress?.(index, layer.features.length);
    const geometry =
      feature.parts.length === 1
        ? feature.parts[0]?.geometry
        : {
            type: 'MultiPolygon',
            coordinates: feature.parts.flatMap((part) =>
              part.geometry.type === 'Polygon'
                ? [part.geometry.coordinates]
                : part.geometry.type === 'MultiPolygon'
                  ? part.geometry.coordinates
                  : [],
            ),
          };
    const result = check({ kind: 'geometry', geometry, ...(crs.source === 'confirmed' ? { crs: crs.name } : {}) }, feature.where);
    if (result.error) throw new SiteInputError({ en: `${layer.file}, ${result.error.en}`, zh: `${layer.file}，${result.error.zh}` });
    for (const warning of result.site.warnings) {
      const seen = notes.get(warning.en);
      if (seen) seen.count++;
      else notes.set(warning.en, { ...warning, count: 1 });
    }
    const properties = feature.properties;
    const name = text(properties[profile.nameAttribute]) ?? `${index + 1}`;
    const code = profile.codeAttribute ? text(properties[profile.codeAttribute]) : undefined;
    if (code) codes.add(code);
    const category =
      profile.kind === 'control-unit' && profile.categoryAttribute ? categoryOf(feature, profile.categoryAttribute, layer.file) : undefined;
    const detail = category ?? text(properties[profile.levelAttribute ?? '']) ?? text(properties[profile.reserveZoneAttribute ?? '']);
    const shown = detail ? { zh: `${name}（${detail}）`, en: `${name} (${detail})` } : { zh: name, en: name };
    return {
      type: 'Feature',
      geometry: result.site.geometry as Polygon | MultiPolygon,
      properties: {
        id: zoneIdOf(code ?? `feature-${index + 1}`),
        // The name cites the reviewer's file and feature, so that every hit, conclusion and export names them.
        name_zh: `${shown.zh}（${layer.file}，${feature.where.zh}）`,
        name_en: `${shown.en} (${layer.file}, ${feature.where.en})`,
        zone_kind: zoneKindOf[profile.kind],
        method: 'official-user',
        accuracy_km: profile.accuracyKm,
        source_file: layer.file,
        source_feature: feature.where,
        ...(code ? { code } : {}),
        ...(category ? { category } : {}),
        ...(detail && !category ? { detail } : {}),
        attributes: properties,
      },
    };
  });
  const toleranceMetres = officialEdgeToleranceMetres(profile.accuracyKm);
  const { features, addedVertices } = densifyOfficialFeatures(read, toleranceMetres);
  let seed: Seed | undefined;
  let entryList: LayerProvenance['entryList'];
  const entryNotes: Bilingual[] = [];
  if (options.entryList) {
    if (profile.kind !== 'control-unit' || !profile.entryList) {
      throw new SiteInputError({
        en: `an entry list joins control units only: map the layer as ${officialKindNames['control-unit'].en} and name the entry list's columns`,
        zh: `准入清单只能关联环境管控单元：请将图层映射为${officialKindNames['control-unit'].zh}，并填写准入清单的列名`,
      });
    }
    const entries = readEntryList(options.entryList.file, options.entryList.bytes, profile.entryList);
    const made = entryListSeed(options.entryList.file, options.entryList.sha256, entries, codes, zoneIdOf);
    seed = made.seed;
    entryList = { file: options.entryList.file, sha256: options.entryList.sha256, rows: entries.length };
    if (made.unmatched.length > 0) {
      const list = made.unmatched.slice(0, 10).join(', ');
      entryNotes.push({
        en: `the entry list names ${made.unmatched.length} unit code(s) the layer lacks (${list}); their rows were not used`,
        zh: `准入清单中有${made.unmatched.length}个单元编码在图层中不存在（${list}），这些行未使用`,
      });
    }
  }
  const counted = [...notes.values()].map(({ count, zh, en }) =>
    count === 1 ? { zh, en } : { zh: `${zh}（${count}个要素）`, en: `${en} (${count} features)` },
  );
  return {
    provenance: {
      id,
      kind: profile.kind,
      file: layer.file,
      importedAt: options.importedAt,
      sha256: layer.sha256,
      featureCount: features.length,
      crs,
      mappedBy: profile.mappedBy,
      accuracyKm: profile.accuracyKm,
      geodesicEdges: { toleranceMetres, addedVertices },
      ...(entryList ? { entryList } : {}),
    },
    collection: { type: 'FeatureCollection', features },
    ...(seed ? { seed } : {}),
    notes: [...layer.notes.filter((note) => !note.en.startsWith('no .prj file')), ...counted, ...entryNotes],
  };
}

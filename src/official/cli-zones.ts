import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { importOfficialLayer } from './import-layer.ts';
import { sha256Hex } from './layer-file.ts';
import { layerTooLarge, ZONE_LIMITS } from './limits.ts';
import type { OfficialLayer } from './official-layer.ts';
import { parseZoneProfile } from './profile.ts';

/** The CLI's official-zone options: a layer file or a PostGIS connection string, its table, the profile, an entry list. */
export interface OfficialZonesOption {
  zones: string;
  table?: string;
  profile: string;
  entryList?: string;
}

export const isDatabaseUrl = (zones: string) => /^postgres(ql)?:\/\//i.test(zones);

/** A file's bytes, refused with the layer limit's message before it is read when it is too large. */
function readWhole(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SiteInputError({ en: `cannot read ${file}: ${code}`, zh: `无法读取${file}：${code}` });
  }
  if (size > ZONE_LIMITS.fileBytes) throw new SiteInputError(layerTooLarge(file, size));
  return new Uint8Array(readFileSync(file));
}

/**
 * The official layer the CLI screens on (--zones with --zone-profile): read from a file through the same import as
 * the atlas's, or from a PostGIS table (--zone-table), with the entry list (--entry-list) for control units.
 */
export async function officialZones(option: OfficialZonesOption, importedAt = new Date().toISOString()): Promise<OfficialLayer> {
  const profile = parseZoneProfile(new TextDecoder().decode(readWhole(option.profile)), option.profile);
  const entryList = option.entryList ? { file: basename(option.entryList), bytes: readWhole(option.entryList) } : undefined;
  if (!isDatabaseUrl(option.zones)) {
    return importOfficialLayer({
      file: basename(option.zones),
      bytes: readWhole(option.zones),
      profile,
      importedAt,
      ...(entryList ? { entryList } : {}),
    });
  }
  if (!option.table) {
    throw new SiteInputError({
      en: '--zones names a database: add --zone-table schema.table',
      zh: '--zones为数据库连接：请加上--zone-table 模式.表名',
    });
  }
  const entry = entryList && { ...entryList, sha256: await sha256Hex(entryList.bytes) };
  // Loaded only here: the PostgreSQL client's modules took some 80 ms of every run's start-up.
  const { readPostgisLayer } = await import('./postgis.ts');
  return readPostgisLayer(option.zones, option.table, profile, { importedAt, ...(entry ? { entryList: entry } : {}) });
}

import { readLayerFile, sha256Hex } from './layer-file.ts';
import { buildOfficialLayer, type OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

export interface LayerImport {
  file: string;
  bytes: Uint8Array;
  profile: ZoneProfile;
  /** When the import happened (ISO 8601): given, so that the same import reads the same in a test. */
  importedAt: string;
  entryList?: { file: string; bytes: Uint8Array };
}

/** Reads, maps and checks an official layer in one step (the CLI; the atlas's worker once the form is filled). */
export async function importOfficialLayer(input: LayerImport): Promise<OfficialLayer> {
  const layer = await readLayerFile(input.file, input.bytes, input.profile.encoding);
  const entryList = input.entryList && { ...input.entryList, sha256: await sha256Hex(input.entryList.bytes) };
  return buildOfficialLayer(layer, input.profile, { importedAt: input.importedAt, ...(entryList ? { entryList } : {}) });
}

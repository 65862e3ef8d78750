/// <reference lib="webworker" />
import { SiteInputError } from '../site-input/site-input-error.ts';
import type { ImportReply, ImportRequest, LayerSummary } from './import-messages.ts';
import { readLayerFile, sha256Hex, type LayerFile } from './layer-file.ts';
import { buildOfficialLayer } from './official-layer.ts';

/**
 * Reads and maps an official layer off the main thread, so the map stays usable while a province's layer loads; the
 * page cancels by terminating the worker. The file read is kept here until it is mapped, so it crosses once.
 */
let read: LayerFile | undefined;

const reply = (message: ImportReply) => self.postMessage(message);

function summaryOf(layer: LayerFile): LayerSummary {
  const samples: Record<string, string[]> = {};
  for (const attribute of layer.attributes) {
    samples[attribute] = layer.features.slice(0, 3).map((feature) => String(feature.properties[attribute] ?? ''));
  }
  return {
    file: layer.file,
    featureCount: layer.features.length,
    attributes: layer.attributes,
    samples,
    notes: layer.notes,
    ...(layer.declaredCrs ? { declaredCrs: layer.declaredCrs } : {}),
    ...(layer.guess ? { guess: layer.guess } : {}),
    ...(layer.garbled ? { garbled: layer.garbled } : {}),
  };
}

async function handle(request: ImportRequest): Promise<void> {
  if (request.type === 'read') {
    reply({ type: 'progress', phase: 'read', fraction: 0 });
    read = await readLayerFile(request.file, request.bytes, request.encoding);
    reply({ type: 'summary', summary: summaryOf(read) });
    return;
  }
  if (!read) throw new Error('map before read');
  const entryList = request.entryList && { ...request.entryList, sha256: await sha256Hex(request.entryList.bytes) };
  const layer = await buildOfficialLayer(read, request.profile, {
    importedAt: request.importedAt,
    ...(entryList ? { entryList } : {}),
    onProgress: (done, total) => reply({ type: 'progress', phase: 'map', fraction: done / total }),
  });
  reply({ type: 'layer', layer });
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  handle(event.data).catch((error: unknown) => {
    const text =
      error instanceof SiteInputError
        ? error.text
        : { en: `the import failed: ${(error as Error).message}`, zh: `导入失败：${(error as Error).message}` };
    reply({ type: 'refused', text });
  });
};

import type { Bilingual } from '../schema/bilingual.ts';
import type { ImportReply, ImportRequest, LayerSummary } from './import-messages.ts';
import type { OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

/** A refusal from the worker: a message naming what is wrong and what to do. */
export class ImportRefused extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/** The import was cancelled by the reviewer. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export type Progress = (phase: 'read' | 'map', fraction: number) => void;

/**
 * One import at a time in its own Web Worker: read a file (a summary for the mapping form), then map it (the layer).
 * Cancelling terminates the worker at once, whatever it is doing; the next import starts a new one.
 */
export class LayerImport {
  #worker: Worker | undefined;
  #pending: { reject(error: Error): void } | undefined;

  constructor(
    private readonly start: () => Worker = () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  read(file: string, bytes: Uint8Array, progress: Progress, encoding?: 'gbk' | 'utf-8'): Promise<LayerSummary> {
    this.cancel();
    this.#worker = this.start();
    return this.#ask({ type: 'read', file, bytes, ...(encoding ? { encoding } : {}) }, progress, 'summary').then((reply) => reply.summary);
  }

  map(profile: ZoneProfile, progress: Progress, entryList?: { file: string; bytes: Uint8Array }): Promise<OfficialLayer> {
    const request: ImportRequest = { type: 'map', profile, importedAt: new Date().toISOString(), ...(entryList ? { entryList } : {}) };
    return this.#ask(request, progress, 'layer').then((reply) => reply.layer);
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#pending?.reject(new ImportCancelled('cancelled'));
    this.#pending = undefined;
  }

  #ask<T extends 'summary' | 'layer'>(request: ImportRequest, progress: Progress, answer: T): Promise<Extract<ImportReply, { type: T }>> {
    const worker = this.#worker;
    if (!worker) return Promise.reject(new ImportCancelled('no file read'));
    return new Promise((resolve, reject) => {
      this.#pending = { reject };
      worker.onmessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') progress(reply.phase, reply.fraction);
        else if (reply.type === 'refused') reject(new ImportRefused(reply.text));
        else if (reply.type === answer) resolve(reply as Extract<ImportReply, { type: T }>);
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the import worker failed'));
      worker.postMessage(request);
    });
  }
}

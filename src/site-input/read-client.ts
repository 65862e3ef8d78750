import type { Bilingual } from '../schema/bilingual.ts';
import type { CoordinateTextOptions } from './coordinate-text.ts';
import { SiteInputError } from './site-input-error.ts';
import type { SiteInput } from './site-input.ts';

/** The page asks the site worker to read one file or one pasted text. */
export type SiteReadRequest =
  | { type: 'file'; name: string; bytes: Uint8Array }
  | { type: 'text'; text: string; options: CoordinateTextOptions };

/** The worker answers with the site or the reader's bilingual refusal. */
export type SiteReadReply = { type: 'site'; site: SiteInput } | { type: 'refused'; text: Bilingual };

/** The read was cancelled by the reviewer, or replaced by a newer one. */
export class SiteReadCancelled extends Error {
  override name = 'SiteReadCancelled';
}

/** Reads sites for the atlas: one at a time, cancellable, refusing with SiteInputError like the reader itself. */
export interface SiteReader {
  file(name: string, bytes: Uint8Array): Promise<SiteInput>;
  text(text: string, options: CoordinateTextOptions): Promise<SiteInput>;
  cancel(): void;
}

/**
 * Each read in a Web Worker of its own. Cancelling terminates the worker at once, whatever the parser or the repair
 * is doing; the bytes are transferred, not copied, so a file near the limit crosses in no time.
 */
export class WorkerSiteReader implements SiteReader {
  #worker: Worker | undefined;
  #reject: ((error: Error) => void) | undefined;

  file(name: string, bytes: Uint8Array): Promise<SiteInput> {
    return this.#read({ type: 'file', name, bytes }, [bytes.buffer as ArrayBuffer]);
  }

  text(text: string, options: CoordinateTextOptions): Promise<SiteInput> {
    return this.#read({ type: 'text', text, options }, []);
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#reject?.(new SiteReadCancelled('cancelled'));
    this.#reject = undefined;
  }

  #read(request: SiteReadRequest, transfer: Transferable[]): Promise<SiteInput> {
    this.cancel();
    const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    return new Promise<SiteInput>((resolve, reject) => {
      this.#reject = reject;
      worker.onmessage = (event: MessageEvent<SiteReadReply>) => {
        const reply = event.data;
        if (reply.type === 'site') resolve(reply.site);
        else reject(new SiteInputError(reply.text));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the site worker failed'));
      worker.postMessage(request, transfer);
    }).finally(() => {
      if (this.#worker !== worker) return;
      worker.terminate();
      this.#worker = undefined;
      this.#reject = undefined;
    });
  }
}

/** Where no Web Worker exists (Node: the unit tests), the same reader on the calling thread; cancel only discards. */
export class ThreadSiteReader implements SiteReader {
  #generation = 0;

  async file(name: string, bytes: Uint8Array): Promise<SiteInput> {
    const generation = this.#next();
    return this.#current(generation, await (await import('./index.ts')).readSiteFile(name, bytes));
  }

  async text(text: string, options: CoordinateTextOptions): Promise<SiteInput> {
    const generation = this.#next();
    return this.#current(generation, await (await import('./index.ts')).readSiteText(text, options));
  }

  cancel(): void {
    this.#next();
  }

  #next(): number {
    this.#generation += 1;
    return this.#generation;
  }

  #current(generation: number, site: SiteInput): SiteInput {
    if (generation !== this.#generation) throw new SiteReadCancelled('cancelled');
    return site;
  }
}

export const siteReader = (): SiteReader => (typeof Worker === 'function' ? new WorkerSiteReader() : new ThreadSiteReader());

/// <reference lib="webworker" />
import { readSiteFile, readSiteText, SiteInputError } from './index.ts';
import type { SiteReadReply, SiteReadRequest } from './read-client.ts';

/**
 * Reads an uploaded file or pasted text off the main thread, so that a file near the size limit never freezes the
 * page; the page cancels by terminating the worker. Refusals cross as the reader's own bilingual text.
 */
const reply = (message: SiteReadReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<SiteReadRequest>) => {
  const request = event.data;
  const read = request.type === 'file' ? readSiteFile(request.name, request.bytes) : readSiteText(request.text, request.options);
  read.then(
    (site) => reply({ type: 'site', site }),
    (error: unknown) => {
      const text =
        error instanceof SiteInputError
          ? error.text
          : { en: `the site could not be read: ${(error as Error).message}`, zh: `选址无法读取：${(error as Error).message}` };
      reply({ type: 'refused', text });
    },
  );
};

/**
 * Zod's tree-shakable functional API (zod/mini), the one way src/ and layers/ write schemas (a test holds them to it):
 * the full `zod` brings every method and string format, and since the page's first script holds the Zod core that
 * any of the page's chunks use, one full-API schema in a panel that loads later would still put those in the start.
 * The schemas speak the full API's English, and the built page, whose policy forbids `new Function`, parses them
 * interpreted; both are set here, before any schema is made. The Node-only data build may use the full API.
 */
import { config } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config(en());
if (import.meta.env?.PROD) config({ jitless: true });

export * as z from 'zod/v4/mini';

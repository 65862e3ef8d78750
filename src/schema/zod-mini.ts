/**
 * Zod's tree-shakable functional API (zod/mini) for the schemas the atlas needs before it is ready: the URL state, the
 * manifest, the layers' properties. The full `zod` brings its JSON-schema support and every method into the page's
 * first script; these schemas are the same Zod schemas, which the full API (the CLI, the engines) parses and nests.
 * The page's schemas speak the full API's English, and the built page, whose policy forbids `new Function`, parses
 * them interpreted (as src/schema/zod-jitless.ts does for the full API); both are set here, before any schema is made.
 */
import { config } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config(en());
if (import.meta.env?.PROD) config({ jitless: true });

export * as z from 'zod/v4/mini';

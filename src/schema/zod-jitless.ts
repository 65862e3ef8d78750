/**
 * Zod for the built atlas (vite-plugins/content-security-policy.ts makes every `zod` import of the build this module):
 * the same Zod with its parsers interpreted, never compiled with `new Function`, which the atlas's policy forbids.
 * Being the module that re-exports Zod, it configures Zod before any other module can make a schema.
 */
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default } from 'zod/v4';

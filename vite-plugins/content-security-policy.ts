import type { Plugin } from 'vite';

/**
 * The policy the built atlas ships with: scripts and styles from its own origin only (no inline script, no inline
 * style attribute: elements style themselves through Lit's stylesheets and CSSOM, e.g. `styleMap`), no plugins, no
 * base or form redirection. Images and fetches may also go to http(s) hosts for the opt-in online basemap, whose
 * tile server the user chooses (src/map/online-basemap.ts); workers may start from blob: URLs (deck.gl's loaders).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Writes the policy as the first element of the built index.html's head. Only the build gets it: the dev server
 * injects its styles inline, which the policy rightly refuses. Zod probes for `new Function` as its first object
 * schema is made, and under a policy without 'unsafe-eval' even the probe is a reported violation: every schema of the
 * page imports src/schema/zod-mini.ts, which makes Zod jitless in the build before any schema is made.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'atlas-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

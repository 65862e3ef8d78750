import { existsSync } from 'node:fs';

/** CHROMIUM_PATH wins; otherwise Debian's /usr/bin/chromium. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

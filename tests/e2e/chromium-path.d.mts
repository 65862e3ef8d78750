/** CHROMIUM_PATH wins; otherwise Debian's /usr/bin/chromium. */
export function findChromium(): string | undefined;

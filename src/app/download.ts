/** Saves a URL (data:, blob: or same-origin) under a file name, as a link the user clicked would. */
export function download(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}

export const today = () => new Date().toISOString().slice(0, 10);

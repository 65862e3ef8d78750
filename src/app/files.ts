/**
 * Saves a file the way a clicked download link would. The atlas hands the sessions its browser implementation;
 * tests hand them one that keeps what was saved.
 */
export type Save = (file: Blob, name: string) => void | Promise<void>;

/** A PNG data URL as a file to save. */
export const pngFile = (dataUrl: string): Blob => {
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
};

/** Today's date as file names and printed reports carry it. */
export const today = (): string => new Date().toISOString().slice(0, 10);

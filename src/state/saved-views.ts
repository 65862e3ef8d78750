import { z } from 'zod';

/** Named states a user keeps in this browser: the hash is the same one links use. */
export const savedViewSchema = z.object({ name: z.string().min(1).max(120), hash: z.string().startsWith('#'), savedAt: z.string() });
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewsKey = 'atlas.saved-views';

export function readSavedViews(storage: Pick<Storage, 'getItem'>): SavedView[] {
  try {
    const parsed = z.array(savedViewSchema).safeParse(JSON.parse(storage.getItem(savedViewsKey) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function writeSavedViews(storage: Pick<Storage, 'setItem'>, views: SavedView[]): void {
  storage.setItem(savedViewsKey, JSON.stringify(views));
}

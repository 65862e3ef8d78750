import { z } from '../schema/zod-mini.ts';

/** Named states a user keeps in this browser: the hash is the same one links use. */
export const savedViewSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  hash: z.string().check(z.startsWith('#')),
  savedAt: z.string(),
});
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

import type { Bilingual } from '../schema/bilingual.ts';

/**
 * Why a reviewer's file, pasted text or record could not become a site geometry. The message says which row, value
 * or part is wrong and what was expected, in Chinese and English, so the atlas and the CLI can show it as is.
 */
export class SiteInputError extends Error {
  override name = 'SiteInputError';
  readonly text: Bilingual;

  constructor(text: Bilingual) {
    super(text.en);
    this.text = { zh: text.zh, en: text.en };
  }
}

/** Runs a reader whose messages name only a place inside a record or file, putting the outer place in front. */
export function placed<T>(reader: () => T, where: Bilingual): T {
  try {
    return reader();
  } catch (error) {
    if (error instanceof SiteInputError) {
      throw new SiteInputError({ en: `${where.en}: ${error.text.en}`, zh: `${where.zh}：${error.text.zh}` });
    }
    throw error;
  }
}

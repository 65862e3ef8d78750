/** A text in both interface languages. */
export interface Message {
  en: string;
  zh: string;
}

/**
 * Why a reviewer's file or pasted text could not become a site geometry. The message says which line, value or
 * part is wrong and what was expected, in English (`message`, `en`) and Chinese (`zh`), so the panel can show it as is.
 */
export class SiteInputError extends Error {
  override name = 'SiteInputError';
  readonly en: string;
  readonly zh: string;

  constructor({ en, zh }: Message) {
    super(en);
    this.en = en;
    this.zh = zh;
  }
}

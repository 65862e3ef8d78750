import type { Bilingual } from '../schema/bilingual.ts';

/** Bad input to the screener (unknown project type, coordinates out of range, empty geometry): the message
 * names what is wrong so that the CLI can print it as is. */
export class ScreeningInputError extends Error {
  override name = 'ScreeningInputError';
  /** The message in both languages, where the engine words it in both (a site off the map's plane). */
  readonly text: Bilingual | undefined;
  constructor(message: string | Bilingual) {
    super(typeof message === 'string' ? message : message.en);
    this.text = typeof message === 'string' ? undefined : message;
  }
}

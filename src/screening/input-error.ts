/** Bad input to the screener (unknown project type, coordinates out of range, empty geometry): the message
 * names what is wrong so that the CLI can print it as is. */
export class ScreeningInputError extends Error {
  override name = 'ScreeningInputError';
}

import type { Verdict } from '../screening/verdict.ts';

export type Rgba = [number, number, number, number];

/**
 * The one colour of each verdict: the panel's verdict card, the map's outlines of the zones a site hits and the
 * printed report all take theirs from here. Each keeps white text readable (contrast 4.5:1 or more).
 */
export const verdictColours: Record<Verdict, string> = {
  prohibited: '#8e1b17',
  restricted: '#c62828',
  conditional: '#ef6c00',
  review: '#6d5f00',
  clear: '#2e7d32',
};

/**
 * Where a verdict would stand while data the screening needs is missing (src/app/incomplete-data.ts): a grey that is
 * none of the verdicts', with white text readable on it.
 */
export const incompleteColour = '#5b5346';

/** A verdict's colour as deck.gl wants it: red, green, blue and alpha, each 0-255. */
export function verdictRgba(verdict: Verdict, alpha = 255): Rgba {
  const hex = verdictColours[verdict];
  return [Number.parseInt(hex.slice(1, 3), 16), Number.parseInt(hex.slice(3, 5), 16), Number.parseInt(hex.slice(5, 7), 16), alpha];
}

/** CSS rules `.<verdict> { background: <colour> }` (and `.incomplete`) for elements that badge a verdict by class name. */
export const verdictBackgroundCss = Object.entries({ ...verdictColours, incomplete: incompleteColour })
  .map(([verdict, colour]) => `.${verdict} { background: ${colour}; }`)
  .join('\n');

/** Powers of ten written out, each exact (10 ** n is computed, and not promised exact). */
const powersOfTen = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/**
 * The number a decimal of `digits` (all its digits as one integer) with `decimals` of them after the point stands
 * for, or NaN when this cannot give it exactly. Below 2 ** 53 the integer is exact, and so are the powers of ten up
 * to 10 ** 22: one division of two exact numbers rounds correctly, to the very number Number() makes of the text.
 * The streamed readers parse coordinates this way without making a string of them.
 */
export function exactDecimal(digits: number, decimals: number, negative: boolean): number {
  if (digits > Number.MAX_SAFE_INTEGER || decimals >= powersOfTen.length) return Number.NaN;
  const value = digits / (powersOfTen[decimals] as number);
  return negative ? -value : value;
}

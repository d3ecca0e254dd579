/** Number formatting shared by schedule labels, report tables and figures. */

const SIGNIFICANT_DIGITS = 6;

/** A number with at most 6 significant digits and no trailing zeros: 0.1, 0.333333, 1e-7, 12. */
export function formatNumber(value: number): string {
  return formatSignificant(value, SIGNIFICANT_DIGITS);
}

/** A number with at most `digits` significant digits and no trailing zeros (for narrow tables). */
export function formatSignificant(value: number, digits: number): string {
  // A report read from disk may hold anything where a number belongs: it is shown as it is.
  if (typeof value !== 'number') return String(value);
  return String(Number(value.toPrecision(digits)));
}

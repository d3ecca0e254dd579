/**
 * Plain text for the terminal: tables with left- or right-aligned columns separated by two spaces,
 * long text wrapped to the terminal's width, and that width (the terminal's, else $COLUMNS, else
 * 100 columns).
 */
import wrapAnsi from 'wrap-ansi';

export const DEFAULT_COLUMNS = 100;

/** The width to write for: stdout's columns on a terminal, else $COLUMNS, else 100. */
export function terminalColumns(): number {
  const fromEnv = Number(process.env.COLUMNS);
  const columns = process.stdout.isTTY ? process.stdout.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
  return columns ?? DEFAULT_COLUMNS;
}

export type Alignment = 'left' | 'right';

/** `text` cut to at most `width` characters, an ellipsis at the cut. */
export function cutToWidth(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * A table with a dashed rule under the headers. Columns are left-aligned unless `align` says
 * otherwise; a column listed in `shrink` is cut (with an ellipsis) so that lines fit `width`.
 */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  options: { readonly align?: readonly Alignment[]; readonly width?: number; readonly shrink?: number } = {},
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const shrink = options.shrink;
  if (shrink !== undefined && options.width !== undefined) {
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    widths[shrink] = Math.max(headers[shrink].length, widths[shrink] - Math.max(0, total - options.width));
  }
  const fit = (text: string, i: number): string => cutToWidth(text, widths[i]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (options.align?.[i] === 'right' ? fit(c, i).padStart(widths[i]) : fit(c, i).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * `text` wrapped at spaces to `width` columns, every line after the first indented by `indent`
 * spaces (words longer than a line are broken).
 */
export function wrapText(text: string, width: number, indent = 0): string {
  const pad = ' '.repeat(indent);
  return wrapAnsi(text, width - indent, { hard: true, trim: true })
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${pad}${line}`))
    .join('\n');
}

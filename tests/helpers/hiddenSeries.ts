/**
 * A check, independent of src/plot/specs.ts, that no line of a figure hides another: reads a
 * vega-lite spec's inline rows (series, x, y) and its strokeDash scale, and lists the pairs of
 * series that would be drawn as one line (at half or more of the x values they share, two at
 * least, within one pixel of the plot's height on its y scale) yet share their dash pattern.
 * Figures whose rows have no x and y (heatmaps, curvature points, phase diagrams) draw no lines
 * that can coincide and give no pairs.
 */
import type { TopLevelSpec } from 'vega-lite';

interface DashScale {
  readonly domain: readonly string[];
  readonly range: readonly number[][];
}

interface LineSpec {
  readonly height?: number;
  readonly data?: { readonly values?: ReadonlyArray<Record<string, unknown>> };
  readonly encoding?: {
    readonly y?: { readonly scale?: { readonly type?: string } };
    readonly strokeDash?: { readonly scale?: DashScale };
  };
}

/** The pairs [a, b] of series labels drawn on top of each other with the same dash. */
export function hiddenSeries(spec: TopLevelSpec): Array<[string, string]> {
  const line = spec as unknown as LineSpec;
  const rows = line.data?.values ?? [];
  if (!rows.every((row) => typeof row.x === 'number' && typeof row.y === 'number')) return [];
  const bySeries = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const label = String(row.series);
    if (!bySeries.has(label)) bySeries.set(label, new Map());
    bySeries.get(label)!.set(row.x as number, row.y as number);
  }
  const log = line.encoding?.y?.scale?.type === 'log';
  const toAxis = (y: number) => (log ? Math.log10(y) : y);
  const all = rows.map((row) => toAxis(row.y as number));
  const pixels = (line.height ?? 220) / (Math.max(...all) - Math.min(...all) || 1);
  const dashes = line.encoding?.strokeDash?.scale;
  const dashOf = (label: string) => JSON.stringify(dashes ? (dashes.range[dashes.domain.indexOf(label)] ?? []) : []);
  const labels = [...bySeries.keys()];
  const pairs: Array<[string, string]> = [];
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const other = bySeries.get(b)!;
      const shared = [...bySeries.get(a)!].filter(([x]) => other.has(x));
      const close = shared.filter(([x, y]) => Math.abs(toAxis(y) - toAxis(other.get(x)!)) * pixels <= 1);
      if (shared.length >= 2 && close.length * 2 >= shared.length && dashOf(a) === dashOf(b)) pairs.push([a, b]);
    }
  }
  return pairs;
}

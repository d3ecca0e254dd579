/**
 * `boundcheck plot` (src/cli/plot.ts), in process: from a claim file it searches and plots the
 * counterexample against the bound; from that search's report it writes the same bytes; claims
 * with no run and files that are not reports are bad input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTarget, searchTarget } from '../../src/cli/falsify.js';
import type { CliValues } from '../../src/cli/main.js';
import { runPlot } from '../../src/cli/plot.js';
import { figureData } from '../../src/plot/specs.js';
import { toJson } from '../../src/report/report.js';
import { InputError } from '../../src/util/errors.js';
import { hiddenSeries } from '../helpers/hiddenSeries.js';
import { figureTexts, notationProblems } from '../helpers/notation.js';

const O1 = 'proofs-checks/classical/O1-drori-teboulle.ts';
const POINTWISE = 'tests/plot/fixtures/pointwise-claim.ts';
const search: CliValues = { budget: '100', seed: '3', export: 'twin' };

const work = mkdtempSync(join(tmpdir(), 'boundcheck-plot-'));
beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

const figureFiles = (directory: string) =>
  ['vl.json', 'csv', 'svg', 'png', 'pdf'].map((extension) => readFileSync(join(directory, `trajectory.${extension}`)));

describe('boundcheck plot', () => {
  it('plots the counterexample of a claim file: its gap trajectory against the bound as a function of t, parameters in the caption', async () => {
    const out = join(work, 'from-claim');
    expect(await runPlot([O1], { ...search, out })).toBe(0);
    const spec = JSON.parse(readFileSync(join(out, 'trajectory.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('classical.O1.twin, counterexample');
    expect(spec.title.subtitle).toMatch(/: violated$/);
    const rows = figureData(spec);
    expect(hiddenSeries(spec)).toEqual([]);
    expect(figureTexts(spec).flatMap(notationProblems)).toEqual([]);
    const series = new Set(rows.map((row) => row.series));
    expect([...series]).toEqual(['f(xₜ) − f*', 'upper bound L R² / (4Nh + 4)']);
    const bound = rows.filter((row) => row.series === 'upper bound L R² / (4Nh + 4)');
    const caption = readFileSync(join(out, 'trajectory.caption.txt'), 'utf8');
    const [, L, R, N, h] = /L = ([\d.e-]+), R = ([\d.e-]+), N = (\d+), h = ([\d.e-]+)/.exec(caption)!.map(Number);
    // The bound at every horizon t = 1..N of the run: L R² / (4th + 4), N set to t.
    expect(bound.map((row) => row.x)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    for (const row of bound) expect(row.y).toBeCloseTo((L * R * R) / (4 * (row.x as number) * h + 4), 5);
    expect(caption).toMatch(/^classical\.O1\.twin, counterexample at L = .*\(violated\)\. The dashed line is the bound at every horizon t ≤ \d+ \(N = t/);
    expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/^classical\.O1\.twin: verdict violated; plotted the counterexample/));
  });

  it('--paper: no title, the width of a 3.25-inch column, text of at least 8 pt at that width', async () => {
    const out = join(work, 'paper');
    expect(await runPlot([O1], { ...search, out, paper: true })).toBe(0);
    const spec = JSON.parse(readFileSync(join(out, 'trajectory.vl.json'), 'utf8'));
    expect(spec.title).toBeUndefined();
    expect(spec.width).toBe(312);
    expect(spec.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
    const svg = readFileSync(join(out, 'trajectory.svg'), 'utf8');
    expect(Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1])).toBe(312);
    const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)px"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    // SVG pixels become 72/96 points in the PDF, placed at 100 % in the column.
    expect(Math.min(...sizes) * (72 / 96)).toBeGreaterThanOrEqual(8);
  });

  it('plots the same figure, byte for byte, from the report of the same search', async () => {
    const target = await loadTarget(O1, 'twin');
    const report = await searchTarget(target, { budget: 100, seed: 3, workers: 1 });
    const reportFile = join(work, 'report.json');
    writeFileSync(reportFile, toJson(report));
    const out = join(work, 'from-report');
    expect(await runPlot([reportFile], { out })).toBe(0);
    const fromReport = figureFiles(out);
    figureFiles(join(work, 'from-claim')).forEach((bytes, i) => expect(bytes.equals(fromReport[i])).toBe(true));
  });

  it('refuses a claim with no run, a file that is not a report, and a wrong number of files', async () => {
    await expect(runPlot([POINTWISE], { out: join(work, 'pointwise') })).rejects.toThrow(/statement at a point, with no run to plot/);
    const notReport = join(work, 'not-a-report.json');
    writeFileSync(notReport, '{"schema": "something else"}');
    await expect(runPlot([notReport], {})).rejects.toThrow(/is not a boundcheck report/);
    await expect(runPlot([], {})).rejects.toThrow(InputError);
  });
});

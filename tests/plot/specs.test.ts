/**
 * The vega-lite specs of src/plot/specs.ts: JSON snapshots, determinism, the CSV companion, what
 * is left out of a log plot, no line hidden under another, the Unicode helpers and decimation.
 */
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import {
  columnName,
  decimate,
  FIGURE_FONT,
  figureCsv,
  figureData,
  LABELS,
  subscript,
  toPaper,
  superscript,
  trajectoryFigure,
  unicodeMath,
} from '../../src/plot/specs.js';
import { InputError } from '../../src/util/errors.js';
import { hiddenSeries } from '../helpers/hiddenSeries.js';
import { figureTexts, notationProblems } from '../helpers/notation.js';
import { figureCases, FIGURES } from './figures.js';

describe('figure specs', () => {
  it.each(FIGURES.map((f) => [f.name, f] as const))('%s matches its JSON snapshot', async (name, { spec }) => {
    await expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.vl.json`);
  });

  it.each(FIGURES.map((f) => [f.name, f] as const))('%s sets DejaVu Sans and a white background', (_name, { spec }) => {
    expect(spec.config?.font).toBe(FIGURE_FONT);
    expect(spec.background).toBe('white');
  });

  it('the same data give the same JSON, key for key', () => {
    expect(JSON.stringify(figureCases().map((f) => f.spec))).toBe(JSON.stringify(FIGURES.map((f) => f.spec)));
  });

  it('leaves out what a log axis cannot draw: zero, negative and non-finite values', () => {
    const spec = trajectoryFigure({
      title: 'gaps',
      series: [{ label: 'run', x: [0, 1, 2, 3, 4], y: [1, 0, -1, Infinity, 0.5] }],
      yLabel: 'gap',
    });
    expect(figureData(spec)).toEqual([
      { series: 'run', x: 0, y: 1 },
      { series: 'run', x: 4, y: 0.5 },
    ]);
  });

  it('rejects two series with the same label, and x and y of different lengths', () => {
    const series = { label: 'a', x: [0, 1], y: [1, 2] };
    expect(() => trajectoryFigure({ title: 't', series: [series, series], yLabel: 'y' })).toThrow(InputError);
    expect(() => trajectoryFigure({ title: 't', series: [{ label: 'a', x: [0], y: [1, 2] }], yLabel: 'y' })).toThrow(
      /x has 1 values and y 2/,
    );
  });
});

describe('coinciding series', () => {
  const t = [0, 1, 2, 3, 4, 5];
  const spec = trajectoryFigure({
    title: 'three runs, two of them equal, one on its bound',
    series: [
      { label: 'a', x: t, y: t.map((i) => 2 ** -i) },
      { label: 'b', x: t, y: t.map((i) => 2 ** -i) },
      { label: 'c', x: t, y: t.map((i) => 3 ** -i) },
      { label: 'd', x: t, y: t.map((i) => 2 ** -i * (1 + 1e-9)) },
    ],
    bound: { label: 'bound', x: t, y: t.map((i) => 3 ** -i) },
    yLabel: LABELS.gap,
  }) as TopLevelSpec & { encoding: { strokeDash: { scale: { domain: string[]; range: number[][] } } } };

  it('are told apart by their dash: the first solid, each one over it dashed differently, none like the bound', () => {
    const { domain, range } = spec.encoding.strokeDash.scale;
    expect(domain).toEqual(['a', 'b', 'c', 'd', 'bound']);
    expect(range[0]).toEqual([]);
    expect(range[2]).toEqual([]);
    expect(new Set([range[0], range[1], range[3]].map((dash) => JSON.stringify(dash))).size).toBe(3);
    expect(range.slice(0, 4)).not.toContainEqual(range[4]);
    expect(hiddenSeries(spec)).toEqual([]);
  });

  it('the check catches the same figure with every line solid', () => {
    const { domain } = spec.encoding.strokeDash.scale;
    const solid = { ...spec, encoding: { ...spec.encoding, strokeDash: { scale: { domain, range: domain.map(() => []) } } } };
    expect(hiddenSeries(solid as TopLevelSpec)).toEqual([['a', 'b'], ['a', 'd'], ['b', 'd'], ['c', 'bound']]);
  });

  it.each(FIGURES.map((f) => [f.name, f] as const))('%s hides no series under another', (_name, { spec: figure }) => {
    expect(hiddenSeries(figure)).toEqual([]);
  });
});

describe('notation', () => {
  it.each(FIGURES.map((f) => [f.name, f] as const))('%s writes its mathematics in Unicode only', (_name, { spec }) => {
    const texts = figureTexts(spec);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.flatMap(notationProblems)).toEqual([]);
  });

  it('the check catches ASCII beside Unicode: an underscore index, an ASCII index or power, a Greek name, || and <=', () => {
    const broken = ['step η_c against x₀', 'fixed 1/(H0 + H1 Δ0)', 'E||x - x*||^2 <= eps', 'rho and Krho', 'see `x_T` in warmup-rho-k0-krho.md'];
    expect(broken.map((text) => notationProblems(text).length)).toEqual([1, 3, 5, 2, 0]);
  });
});

describe('paper mode', () => {
  it.each(FIGURES.map((f) => [f.name, f] as const))('%s: no title, the width of a column, text of at least 8 pt at that width', (_name, { spec }) => {
    const paper = toPaper(spec) as TopLevelSpec & { width?: number; autosize?: unknown; vconcat?: Array<{ width?: number }> };
    expect('title' in paper).toBe(false);
    const sizes = [paper.config?.axis?.labelFontSize, paper.config?.axis?.titleFontSize, paper.config?.legend?.labelFontSize];
    // SVG pixels are 3/4 pt in the PDF placed at 100 %.
    for (const size of sizes) expect(Number(size) * 0.75).toBeGreaterThanOrEqual(8);
    if (paper.vconcat) for (const panel of paper.vconcat) expect(panel.width).toBeLessThan(312);
    else expect([paper.width, paper.autosize]).toEqual([312, { type: 'fit-x', contains: 'padding' }]);
    expect((toPaper(spec, { widthInches: 6.75 }) as { width?: number }).width ?? 0).toBe(paper.vconcat ? 0 : 648);
    expect(toPaper(spec, { widthPoints: 234 })).toEqual(paper);
  });

  it('the builders take it as an option', () => {
    const series = [{ label: 'run', x: [0, 1], y: [1, 0.5] }];
    expect(trajectoryFigure({ title: 't', series, yLabel: 'gap', paper: {} })).toEqual(toPaper(trajectoryFigure({ title: 't', series, yLabel: 'gap' })));
  });
});

describe('figure data as CSV', () => {
  it('is in wide form: the x column, one named column per series, a row per x value, missing values as nan', () => {
    const trajectory = FIGURES.find((f) => f.name === 'trajectory')!.spec;
    const lines = figureCsv(trajectory).trimEnd().split('\n');
    expect(lines[0]).toBe('t,constant_eta,warm-up,bound');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[1]).toBe('0,2,2,2');
    expect(lines[8]).toBe('7,0.0001220703125,0.03125,0.015625');
    const phase = figureCsv(FIGURES.find((f) => f.name === 'phase')!.spec).trimEnd().split('\n');
    expect(phase[0]).toBe('eta,asymptotic_grad_norm,fraction_converged,critical_step');
    expect(phase).toContain('3,nan,0,nan');
    expect(phase[phase.length - 1]).toBe('2,nan,nan,2');
    const curvature = figureCsv(FIGURES.find((f) => f.name === 'curvature')!.spec).split('\n');
    expect(curvature[0]).toBe('gap,t,curvature,envelope');
    const heatmap = figureCsv(FIGURES.find((f) => f.name === 'tightness')!.spec).split('\n');
    expect(heatmap.slice(0, 2)).toEqual(['H0,H1,lhs_over_rhs', '0.1,0.01,0.002']);
  });

  it('names columns in ASCII: axis titles by their quantity, other labels transliterated', () => {
    expect(columnName(LABELS.iteration)).toBe('t');
    expect(columnName(LABELS.stepSize)).toBe('eta');
    expect(columnName('η = 1.9/L')).toBe('eta_1.9_over_L');
    expect(columnName('H₀')).toBe('H0');
    expect(columnName('‖∇f(xₜ)‖ at ε = 10⁻⁶')).toBe('grad_f_xt_at_epsilon_10-6');
  });

  it('a series sharing no x with another gets rows of its own', () => {
    const spec = trajectoryFigure({
      title: 'two grids',
      series: [
        { label: 'a', x: [0, 2], y: [1, 2] },
        { label: 'b', x: [1, 2], y: [3, 4] },
      ],
      yLabel: 'gap',
    });
    expect(figureCsv(spec)).toBe('t,a,b\n0,1,nan\n2,2,4\n1,nan,3\n');
  });

  it('refuses a spec without an inline table', () => {
    expect(() => figureData({ mark: 'point', data: { url: 'x.csv' } })).toThrow(InputError);
  });
});

describe('Unicode labels', () => {
  it('raises and lowers digits and signs', () => {
    expect(`10${superscript('-6')}`).toBe('10⁻⁶');
    expect(`x${superscript('2')}`).toBe('x²');
    expect(`H${subscript('0')}, x${subscript('t')}`).toBe('H₀, xₜ');
  });

  it('turns the ASCII formulas of claim files into Unicode', () => {
    expect(unicodeMath('L R^2 / (4Nh + 2)')).toBe('L R² / (4Nh + 2)');
    expect(unicodeMath('min_t ||grad f(x_t)|| <= eps')).toBe('minₜ ‖grad f(xₜ)‖ ≤ ε');
    expect(unicodeMath('H_0 + H_1 (f - f*) with eta_0, mu and 10^(-6)')).toBe('H₀ + H₁ (f − f*) with η₀, μ and 10⁻⁶');
    expect(unicodeMath('Krho x^(2k)')).toBe('Krho x^(2k)');
    // No Unicode subscript for a capital or c: the index goes in parentheses.
    expect(unicodeMath('f(x_T) - f* <= L R^2 / (4Th + 2) and eta_c')).toBe('f(x(T)) − f* ≤ L R² / (4Th + 2) and η(c)');
  });
});

describe('decimate', () => {
  it('keeps at most maxPoints points in order, the first and the last, and both sides of an oscillation', () => {
    const n = 10_001;
    const x = Array.from({ length: n }, (_, t) => t);
    const y = x.map((t) => (t % 2 === 0 ? 1 : -1) * (1 + t / n));
    const thinned = decimate({ label: 'oscillation', x, y }, 500);
    const thinnedX = Array.from(thinned.x);
    const thinnedY = Array.from(thinned.y);
    expect(thinnedX.length).toBeLessThanOrEqual(500);
    expect(thinnedX[0]).toBe(0);
    expect(thinnedX[thinnedX.length - 1]).toBe(n - 1);
    expect(thinnedX).toEqual([...thinnedX].sort((a, b) => a - b));
    expect(Math.max(...thinnedY)).toBe(Math.max(...y));
    expect(Math.min(...thinnedY)).toBe(Math.min(...y));
    // Each bucket keeps its highest (positive) and its lowest (negative) point.
    expect(thinnedY.filter((v) => v > 0).length).toBeGreaterThanOrEqual(249);
    expect(thinnedY.filter((v) => v < 0).length).toBeGreaterThanOrEqual(249);
  });

  it('returns a short series as it is', () => {
    const series = { label: 's', x: [0, 1], y: [2, 3] };
    expect(decimate(series, 10)).toBe(series);
  });
});

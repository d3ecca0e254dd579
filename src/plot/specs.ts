/**
 * The figures of a convergence study as vega-lite specifications, each a pure function of plain
 * data: trajectories against a bound, iteration complexity, schedule shapes, curvature against
 * suboptimality with its fitted (H0,H1) envelope, the step-size phase diagram and a tightness
 * heatmap. This module owns their look (DejaVu Sans everywhere, log axes labelled 10⁻⁶, labels in
 * Unicode: η, Δ, H₁, ‖∇f(xₜ)‖) and their data: every figure keeps one inline table, which
 * `figureData` reads back and `figureCsv` writes for pgfplots. The same data give the same JSON,
 * key for key: no random ids, no dates.
 */
import { scheme } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { CurvaturePair, H0H1 } from '../estimate/envelope.js';
import { InputError } from '../util/errors.js';
import { formatNumber } from '../util/format.js';

/** The one font of every figure: the SVG names it, the PNG and PDF renderers embed it. */
export const FIGURE_FONT = 'DejaVu Sans';

/** Axis titles shared by the figures and the scripts that make them. */
export const LABELS = {
  iteration: 'iteration t',
  gap: 'f(xₜ) − f*',
  gradNorm: '‖∇f(xₜ)‖',
  stepSize: 'step size η',
  scheduleStep: 'step size ηₜ',
  suboptimality: 'suboptimality Δ = f(x) − f*',
  curvature: 'curvature ‖∇²f(x)‖',
  initialGap: 'initial gap Δ₀ = f(x₀) − f*',
  accuracy: 'target accuracy ε',
  iterations: 'iterations K(ε)',
  asymptoticGradNorm: 'asymptotic ‖∇f(xₜ)‖',
  fractionConverged: 'fraction converged',
  tightness: 'lhs / rhs',
} as const;

/** CSV column names of the axis titles in LABELS (other titles and series labels are transliterated). */
const COLUMN_NAMES: Readonly<Record<string, string>> = {
  [LABELS.iteration]: 't',
  [LABELS.gap]: 'gap',
  [LABELS.gradNorm]: 'grad_norm',
  [LABELS.stepSize]: 'eta',
  [LABELS.scheduleStep]: 'eta_t',
  [LABELS.suboptimality]: 'gap',
  [LABELS.curvature]: 'curvature',
  [LABELS.initialGap]: 'initial_gap',
  [LABELS.accuracy]: 'eps',
  [LABELS.iterations]: 'iterations',
  [LABELS.asymptoticGradNorm]: 'asymptotic_grad_norm',
  [LABELS.fractionConverged]: 'fraction_converged',
  [LABELS.tightness]: 'lhs_over_rhs',
};

/** One line of a figure: y against x, drawn in the legend as `label`. */
export interface Series {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** A cell of a figure's data table: a number, a label, or null where the row has no such value. */
export type FigureValue = number | string | null;
export type FigureRow = Readonly<Record<string, FigureValue>>;

/**
 * Paper mode: no title (the caption says it), the figure's total width fixed (a 3.25-inch column
 * by default, or `widthInches` / `widthPoints`), text at least 8 pt at that width once the PDF is
 * placed at 100 %.
 */
export interface PaperStyle {
  readonly widthInches?: number;
  readonly widthPoints?: number;
}

export interface FigureStyle {
  readonly paper?: PaperStyle;
}

export interface FigureTitle extends FigureStyle {
  readonly title: string;
  readonly subtitle?: string;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 360;
const HEIGHT = 220;
const PHASE_PANEL_HEIGHT = 150;
/** Pixels a paper-mode phase panel leaves for its y axis (labels and title). */
const PAPER_AXIS_ROOM = 72;
const CRITICAL_COLOR = '#c0392b';
/** Points of the envelope line H₀ + H₁Δ on a log-log plot, where it is curved. */
const ENVELOPE_SAMPLES = 64;

/** SVG pixels per inch and per point: the PDF is drawn at 72/96 points per pixel (src/plot/render.ts). */
const PIXELS_PER_INCH = 96;
const PIXELS_PER_POINT = 96 / 72;
/** A one-column figure of a two-column paper. */
export const COLUMN_INCHES = 3.25;
/** Text size of paper mode, in points at the figure's printed width. */
const PAPER_FONT_POINTS = 8.5;
/** Height of a paper-mode plot over the figure's width. */
const PAPER_ASPECT = 0.62;

const CONFIG: NonNullable<TopLevelSpec['config']> = {
  font: FIGURE_FONT,
  title: { fontSize: 13, subtitleFontSize: 11, subtitleColor: '#333' },
  axis: {
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelFontSize: 10,
    domainColor: '#333',
    tickColor: '#333',
    gridColor: '#e6e6e6',
  },
  legend: { titleFontSize: 11, titleFontWeight: 'normal', labelFontSize: 10, labelLimit: 320 },
  view: { stroke: '#333' },
};

/** Every text of a paper-mode figure at PAPER_FONT_POINTS. */
const PAPER_CONFIG: NonNullable<TopLevelSpec['config']> = (() => {
  const size = Math.ceil(PAPER_FONT_POINTS * PIXELS_PER_POINT);
  return {
    ...CONFIG,
    axis: { ...CONFIG.axis, titleFontSize: size, labelFontSize: size },
    legend: { ...CONFIG.legend, titleFontSize: size, labelFontSize: size, labelLimit: 0 },
    text: { fontSize: size },
  };
})();

/** The total width of a paper-mode figure, in SVG pixels. */
export function paperWidth(paper: PaperStyle): number {
  if (paper.widthPoints !== undefined) return Math.round(paper.widthPoints * PIXELS_PER_POINT);
  return Math.round((paper.widthInches ?? COLUMN_INCHES) * PIXELS_PER_INCH);
}

/** A plot's size on screen (paper mode resizes it, see `toPaper`). */
function size() {
  return { width: WIDTH, height: HEIGHT };
}

/**
 * A figure of this module in paper mode: its title dropped (the caption says it), its text at
 * PAPER_FONT_POINTS, the whole figure fitted to the paper width (a 3.25-inch column by default),
 * the plot's height in proportion (a legend adds to it); the panels of a concatenation each leave room for their
 * axis, since vega cannot fit a concatenation to a width.
 */
export function toPaper(spec: TopLevelSpec, paper: PaperStyle = {}): TopLevelSpec {
  const width = paperWidth(paper);
  const scaled = (height: unknown, panelWidth: number): number =>
    Math.round(panelWidth * PAPER_ASPECT * ((typeof height === 'number' ? height : HEIGHT) / HEIGHT));
  const { title: _title, ...untitled } = spec as TopLevelSpec & { title?: unknown };
  const paperSpec = { ...untitled, config: PAPER_CONFIG } as Record<string, unknown>;
  if (Array.isArray(paperSpec.vconcat)) {
    const panelWidth = width - PAPER_AXIS_ROOM;
    paperSpec.vconcat = (paperSpec.vconcat as Array<Record<string, unknown>>).map((panel) => ({
      ...panel,
      width: panelWidth,
      height: scaled(panel.height, panelWidth),
    }));
  } else {
    // Fitted in width only: the legend under the plot adds to the height, not takes from the plot.
    Object.assign(paperSpec, { width, height: scaled(paperSpec.height, width), autosize: { type: 'fit-x', contains: 'padding' } });
  }
  return paperSpec as unknown as TopLevelSpec;
}

/** The spec in the style `options` ask for: as built, or in paper mode. */
function styled(spec: TopLevelSpec, { paper }: FigureStyle): TopLevelSpec {
  return paper ? toPaper(spec, paper) : spec;
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '-': '⁻', '+': '⁺',
};

const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  i: 'ᵢ', k: 'ₖ', n: 'ₙ', t: 'ₜ',
};

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', Delta: 'Δ', epsilon: 'ε', eps: 'ε', eta: 'η', theta: 'θ',
  kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', psi: 'ψ', omega: 'ω',
};

const mapCharacters = (table: Readonly<Record<string, string>>, text: string): string =>
  Array.from(text, (c) => table[c] ?? c).join('');

/** Digits and signs as superscripts: superscript('-6') is '⁻⁶'; other characters are kept. */
export function superscript(text: string): string {
  return mapCharacters(SUPERSCRIPTS, text);
}

/** Digits and the letters i, k, n, t as subscripts: subscript('0') is '₀'; other characters are kept. */
export function subscript(text: string): string {
  return mapCharacters(SUBSCRIPTS, text);
}

/**
 * An ASCII formula as a claim file writes it, in Unicode for a figure: Greek names (eta, mu, eps,
 * rho, ...) become letters, ^2 and ^(-6) superscripts, _0 and _t subscripts, <= and >= ≤ and ≥,
 * || ‖, and a spaced minus −. 'L R^2 / (4Nh + 2)' becomes 'L R² / (4Nh + 2)'. An index Unicode
 * cannot lower (a capital, c) is written in parentheses, never with an underscore: 'f(x_T)'
 * becomes 'f(x(T))'.
 */
export function unicodeMath(text: string): string {
  return text
    .replace(new RegExp(`(?<![A-Za-z])(${Object.keys(GREEK).join('|')})(?![A-Za-z])`, 'g'), (name) => GREEK[name])
    .replace(/\^(?:\((-?\d+)\)|(-?\d+))/g, (_, parenthesized?: string, bare?: string) => superscript(parenthesized ?? bare ?? ''))
    .replace(/_(\d+|[iknt])\b/g, (_, index: string) => subscript(index))
    .replace(/(?<=[\p{L})])_([A-Za-z]\w*)\b/gu, '($1)')
    .replaceAll('<=', '≤')
    .replaceAll('>=', '≥')
    .replaceAll('||', '‖')
    .replaceAll(' - ', ' − ');
}

const ASCII_OF: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(GREEK).filter(([name]) => name !== 'eps').map(([name, letter]) => [letter, ` ${name} `])),
  ...Object.fromEntries(Object.entries(SUPERSCRIPTS).map(([plain, raised]) => [raised, plain])),
  ...Object.fromEntries(Object.entries(SUBSCRIPTS).map(([plain, lowered]) => [lowered, plain])),
  '∇': ' grad ',
  '−': '-',
  '/': ' over ',
  '·': ' ',
};

/**
 * A label as a CSV column name for pgfplots or pandas: the name of an axis title of LABELS
 * (`t`, `gap`, `eta`), else the label in ASCII words joined by `_` (`η = 1.9/L` is
 * `eta_1.9_over_L`, `H₀` is `H0`).
 */
export function columnName(label: string): string {
  if (COLUMN_NAMES[label] !== undefined) return COLUMN_NAMES[label];
  const words = mapCharacters(ASCII_OF, label)
    .split(/[^A-Za-z0-9.+-]+/)
    .filter((word) => word !== '' && word !== '-');
  return words.join('_') || 'value';
}

/** The same mapping as a vega expression on the string expression `text`. */
function superscriptExpression(text: string): string {
  return Object.entries(SUPERSCRIPTS).reduce(
    (expression, [plain, raised]) => `replace(${expression}, regexp('[${plain}]', 'g'), '${raised}')`,
    text,
  );
}

/**
 * Log-axis labels, one format per axis: over two decades or more, the powers of ten as 10⁻⁶, 10⁰,
 * 10³ and the ticks between them unlabelled; over less, every tick as a plain
 * number (0.004, 0.005).
 */
const POWER_OF_TEN_LABEL = (() => {
  const decade = 'log(datum.value) / LN10';
  const power = `'10' + ${superscriptExpression(`toString(round(${decade}))`)}`;
  return `abs(${decade} - round(${decade})) < 1e-9 ? ${power} : ''`;
})();
const PLAIN_LOG_LABEL = "format(datum.value, '.3~g')";

/** Decades an axis spans before it labels the powers of ten alone (below, too few of them show). */
const MIN_POWER_DECADES = 2;

/** The label expression of a log axis over `values`. */
function logAxisLabel(values: readonly number[]): string {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return POWER_OF_TEN_LABEL;
  const decades = Math.log10(Math.max(...positive) / Math.min(...positive));
  return decades >= MIN_POWER_DECADES ? POWER_OF_TEN_LABEL : PLAIN_LOG_LABEL;
}

const SERIES_STROKE = 2.25;
const BOUND_STROKE = 1.1;
const BOUND_DASH = [5, 3];
/**
 * Dash patterns of the series: solid, then the patterns that set a series apart from one it
 * coincides with (it is drawn over that one, which shows through its gaps); none is the bound's.
 */
const SERIES_DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
/** Two lines closer than this many pixels (of the plot's height) look like one. */
const COINCIDENT_PIXELS = 2;

/** Line legends go under the plot, one entry a line, so long bound labels do not widen the figure. */
const LINE_LEGEND = { title: null, orient: 'bottom' as const, direction: 'vertical' as const, symbolType: 'stroke' };

/** Pixels between the data's extremes and the edges of a log plot. */
const EDGE_PADDING = 6;

/** Over more decades than this, a log axis has ticks at the powers of ten only. */
const LOG_TICK_COUNT = 6;

interface PositionOptions {
  readonly log: boolean;
  /** Include 0 in a linear domain. */
  readonly zero?: boolean;
  /** A fixed linear domain, e.g. [0, 1] for a fraction. */
  readonly domain?: number[];
  /** Ticks at whole numbers only (iterations). */
  readonly integer?: boolean;
  /** The values drawn on the axis: a log axis labels powers of ten over two decades or more, plain numbers below. */
  readonly values?: readonly number[];
}

/**
 * A quantitative position channel on `field`: on a log scale labelled 10ⁿ, its domain the data's
 * a few pixels wider (so a line on its edge stays visible), or linear.
 */
function position(field: string, title: string, { log, zero = false, domain, integer = false, values = [] }: PositionOptions) {
  const axis = {
    ...(log ? { labelExpr: logAxisLabel(values), tickCount: LOG_TICK_COUNT } : {}),
    ...(integer ? { tickMinStep: 1 } : {}),
  };
  return {
    field,
    type: 'quantitative' as const,
    title,
    scale: log
      ? { type: 'log' as const, nice: false, padding: EDGE_PADDING }
      : domain
        ? { domain }
        : { zero },
    ...(Object.keys(axis).length > 0 ? { axis } : {}),
  };
}

/** Whether a value can be drawn on an axis: finite, and positive on a log axis. */
function drawable(value: number, log: boolean): boolean {
  return Number.isFinite(value) && (!log || value > 0);
}

function header({ title, subtitle }: FigureTitle) {
  return {
    $schema: SCHEMA,
    title: subtitle === undefined ? { text: title } : { text: title, subtitle },
    background: 'white',
    config: CONFIG,
  };
}

function requireDistinctLabels(labels: readonly string[]): void {
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) throw new InputError(`series labels must be distinct, got ${JSON.stringify(label)} twice`);
    seen.add(label);
  }
}

function seriesRows(series: Series, logX: boolean, logY: boolean): FigureRow[] {
  if (series.x.length !== series.y.length) {
    throw new InputError(`series ${JSON.stringify(series.label)}: x has ${series.x.length} values and y ${series.y.length}`);
  }
  const rows: FigureRow[] = [];
  for (let i = 0; i < series.x.length; i++) {
    const x = series.x[i];
    const y = series.y[i];
    if (drawable(x, logX) && drawable(y, logY)) rows.push({ series: series.label, x, y });
  }
  return rows;
}

/**
 * Whether two series would be drawn as one line: at half or more of the x values they share (two
 * at least), their y values are within COINCIDENT_PIXELS of each other on a plot whose y axis maps
 * `yRange` (log10 of it on a log axis) onto HEIGHT pixels.
 */
function coincident(a: readonly FigureRow[], b: readonly FigureRow[], logY: boolean, yRange: readonly [number, number]): boolean {
  const scaled = (y: number): number => (logY ? Math.log10(y) : y);
  const span = scaled(yRange[1]) - scaled(yRange[0]) || 1;
  const yAt = new Map(b.map((row) => [row.x, row.y as number]));
  let shared = 0;
  let close = 0;
  for (const row of a) {
    const other = yAt.get(row.x);
    if (other === undefined) continue;
    shared++;
    if ((Math.abs(scaled(row.y as number) - scaled(other)) / span) * HEIGHT <= COINCIDENT_PIXELS) close++;
  }
  return shared >= 2 && close * 2 >= shared;
}

/**
 * A dash pattern for each series: solid, unless it coincides with an earlier series, when it takes
 * the first pattern of SERIES_DASHES that none of those has (so no series hides another).
 */
function seriesDashes(rows: readonly FigureRow[][], logY: boolean): number[][] {
  const ys = rows.flat().map((row) => row.y as number);
  const yRange = [ys.reduce((a, b) => Math.min(a, b), Infinity), ys.reduce((a, b) => Math.max(a, b), -Infinity)] as const;
  const chosen: number[] = [];
  rows.forEach((own, i) => {
    const taken = new Set(chosen.filter((_, j) => coincident(own, rows[j], logY, yRange)));
    const free = SERIES_DASHES.findIndex((_, k) => !taken.has(k));
    chosen.push(free === -1 ? i % SERIES_DASHES.length : free);
  });
  return chosen.map((k) => SERIES_DASHES[k]);
}

interface LineChartOptions extends FigureTitle {
  readonly series: readonly Series[];
  readonly bound?: Series;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logX: boolean;
  readonly logY: boolean;
  readonly points: boolean;
  /** The x axis counts iterations: ticks at whole numbers. */
  readonly integerX: boolean;
}

/**
 * Lines y against x, one colour per series, solid unless a series coincides with another (then
 * dashed, see `seriesDashes`); the bound in black, dashed. Data columns: series, x, y. Points that cannot be drawn (non-finite, or not positive on a log axis) are left out.
 */
function lineChart(options: LineChartOptions): TopLevelSpec {
  const { series, bound, logX, logY } = options;
  const labels = [...series.map((s) => s.label), ...(bound ? [bound.label] : [])];
  requireDistinctLabels(labels);
  const palette: string[] = scheme('tableau10');
  const colors = series.map((_, i) => palette[i % palette.length]);
  const rowsOfSeries = series.map((s) => seriesRows(s, logX, logY));
  const rows = [...rowsOfSeries.flat(), ...(bound ? seriesRows(bound, logX, logY) : [])];
  const dashes = seriesDashes(rowsOfSeries, logY);
  const csv = usermeta({
    x: { column: columnName(options.xLabel), field: 'x' },
    columns: [
      ...series.map((s) => ({ column: columnName(s.label), field: 'y', series: s.label })),
      ...(bound ? [{ column: 'bound', field: 'y', series: bound.label }] : []),
    ],
  });
  return styled({
    ...header(options),
    ...csv,
    ...size(),
    data: { values: rows },
    // The bound is drawn last, thin and dashed, over wider lines: where a run follows its bound,
    // both stay visible. A bound known at one point only is marked by a point.
    layer: [
      {
        ...(bound ? { transform: [{ filter: { not: { field: 'series', equal: bound.label } } }] } : {}),
        mark: { type: 'line', strokeWidth: SERIES_STROKE, ...(options.points ? { point: true } : {}) },
      },
      ...(bound
        ? [
            {
              transform: [{ filter: { field: 'series', equal: bound.label } }],
              mark: { type: 'line' as const, strokeWidth: BOUND_STROKE, ...(bound.x.length < 2 || options.points ? { point: { size: 18 } } : {}) },
            },
          ]
        : []),
    ],
    encoding: {
      x: position('x', options.xLabel, { log: logX, integer: options.integerX, values: rows.map((r) => r.x as number) }),
      y: position('y', options.yLabel, { log: logY, values: rows.map((r) => r.y as number) }),
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: labels, range: [...colors, ...(bound ? ['#000000'] : [])] },
        legend: LINE_LEGEND,
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: { domain: labels, range: [...dashes, ...(bound ? [BOUND_DASH] : [])] },
        legend: LINE_LEGEND,
      },
    },
  }, options);
}

export interface TrajectoryFigureOptions extends FigureTitle {
  /** Trajectories: the gap or the gradient norm against the iteration. */
  readonly series: readonly Series[];
  /** The bound, drawn black and dashed: a curve, a level (two points) or an iteration (a vertical). */
  readonly bound?: Series;
  readonly yLabel: string;
  readonly xLabel?: string;
  /** Log y scale; default true. */
  readonly logY?: boolean;
}

/** Trajectories (gap or gradient norm against iteration) with the bound overlaid, log y by default. */
export function trajectoryFigure(options: TrajectoryFigureOptions): TopLevelSpec {
  return lineChart({
    ...options,
    xLabel: options.xLabel ?? LABELS.iteration,
    logX: false,
    logY: options.logY ?? true,
    points: false,
    integerX: true,
  });
}

export interface ComplexityFigureOptions extends FigureTitle {
  /** One series per schedule: x the initial gap or the accuracy ε, y the iterations K. */
  readonly series: readonly Series[];
  /** LABELS.initialGap or LABELS.accuracy, or your own. */
  readonly xLabel: string;
  readonly yLabel?: string;
  readonly bound?: Series;
}

/** Iteration complexity against the initial gap or against ε for several schedules, log-log. */
export function complexityFigure(options: ComplexityFigureOptions): TopLevelSpec {
  return lineChart({
    ...options,
    yLabel: options.yLabel ?? LABELS.iterations,
    logX: true,
    logY: true,
    points: true,
    integerX: false,
  });
}

export interface ScheduleFigureOptions extends FigureTitle {
  /** One series per schedule: ηₜ against t. */
  readonly series: readonly Series[];
  readonly yLabel?: string;
  /** Log y scale; default false. */
  readonly logY?: boolean;
}

/** The shapes ηₜ of several step-size schedules. */
export function scheduleFigure(options: ScheduleFigureOptions): TopLevelSpec {
  return lineChart({
    ...options,
    xLabel: LABELS.iteration,
    yLabel: options.yLabel ?? LABELS.scheduleStep,
    logX: false,
    logY: options.logY ?? false,
    points: false,
    integerX: true,
  });
}

export interface CurvatureFigureOptions extends FigureTitle {
  /** (gap, curvature) along a run, in the order of its iterations. */
  readonly pairs: readonly CurvaturePair[];
  /** The iteration t of each pair (the study's `iterations`); by default 0, 1, 2, ... */
  readonly iterations?: readonly number[];
  /** The fitted envelope (fitH0H1Envelope(pairs)), drawn as the line H₀ + H₁Δ. */
  readonly envelope?: H0H1;
  /** Log-log axes; default true. */
  readonly log?: boolean;
}

/** Abscissae for the envelope line over [lo, hi]: geometric on a log axis, the two ends otherwise. */
function envelopeAbscissae(lo: number, hi: number, log: boolean): number[] {
  if (!log || lo === hi) return lo === hi ? [lo] : [lo, hi];
  return Array.from({ length: ENVELOPE_SAMPLES }, (_, i) => lo * (hi / lo) ** (i / (ENVELOPE_SAMPLES - 1)));
}

/**
 * Curvature against suboptimality along a run, points coloured by iteration t (symlog scale: the
 * pairs of a study are spaced geometrically in t), with the fitted
 * envelope H₀ + H₁Δ. Data columns: series (`iterates` or the envelope's label), iteration, gap,
 * curvature.
 */
export function curvatureFigure(options: CurvatureFigureOptions): TopLevelSpec {
  const log = options.log ?? true;
  const iterates: FigureRow[] = [];
  if (options.iterations && options.iterations.length !== options.pairs.length) {
    throw new InputError(`curvature figure: ${options.pairs.length} pairs and ${options.iterations.length} iterations`);
  }
  options.pairs.forEach(({ gap, curvature }, i) => {
    const iteration = options.iterations?.[i] ?? i;
    if (drawable(gap, log) && drawable(curvature, log)) iterates.push({ series: 'iterates', iteration, gap, curvature });
  });
  if (iterates.length === 0) throw new InputError('curvature figure: no (gap, curvature) pair can be drawn');
  const gaps = iterates.map((row) => row.gap as number);
  const { envelope } = options;
  const fitLabel = envelope && `H₀ + H₁Δ, H₀ = ${formatNumber(envelope.H0)}, H₁ = ${formatNumber(envelope.H1)}`;
  const fitRows: FigureRow[] =
    envelope && fitLabel
      ? envelopeAbscissae(log ? Math.min(...gaps) : 0, Math.max(...gaps), log).map((gap) => ({
          series: fitLabel,
          iteration: null,
          gap,
          curvature: envelope.H0 + envelope.H1 * gap,
        }))
      : [];
  const all = [...iterates, ...fitRows];
  const x = position('gap', LABELS.suboptimality, { log, zero: true, values: all.map((r) => r.gap as number) });
  const y = position('curvature', LABELS.curvature, { log, zero: true, values: all.map((r) => r.curvature as number) });
  return styled({
    ...header(options),
    ...usermeta({
      x: { column: 'gap', field: 'gap' },
      columns: [
        { column: 't', field: 'iteration', series: 'iterates' },
        { column: 'curvature', field: 'curvature', series: 'iterates' },
        ...(fitLabel ? [{ column: 'envelope', field: 'curvature', series: fitLabel }] : []),
      ],
    }),
    ...size(),
    data: { values: [...iterates, ...fitRows] },
    layer: [
      {
        transform: [{ filter: { field: 'series', equal: 'iterates' } }],
        mark: { type: 'point', filled: true, size: 24, opacity: 0.85 },
        encoding: {
          x,
          y,
          color: { field: 'iteration', type: 'quantitative', scale: { scheme: 'viridis', type: 'symlog' }, legend: { title: LABELS.iteration } },
        },
      },
      ...(fitLabel
        ? [
            {
              transform: [{ filter: { field: 'series', equal: fitLabel } }],
              mark: { type: 'line' as const, color: '#000000', strokeWidth: 1.5 },
              encoding: {
                x,
                y,
                strokeDash: {
                  field: 'series',
                  type: 'nominal' as const,
                  scale: { domain: [fitLabel], range: [[6, 4]] },
                  legend: { title: null, orient: 'bottom' as const },
                },
              },
            },
          ]
        : []),
    ],
  }, options);
}

/** One step size of a sweep. */
export interface PhasePoint {
  readonly stepSize: number;
  /** The gradient norm the runs settle at (their tail maximum, say); Infinity for divergence. */
  readonly gradNorm: number;
  /** Fraction of the runs at this step size that converged, in [0, 1]. */
  readonly fractionConverged: number;
}

export interface PhaseDiagramOptions extends FigureTitle {
  readonly points: readonly PhasePoint[];
  /** The critical step size, marked by a vertical rule in both panels. */
  readonly criticalStep?: number;
  readonly criticalLabel?: string;
  readonly xLabel?: string;
}

/**
 * The step-size phase diagram: the asymptotic gradient norm (top, log scale) and the fraction of
 * runs that converged (bottom) against the step size (log scale), the critical step marked by a
 * dashed rule named in the legend. Data columns: series (`sweep` or the critical label), stepSize, gradNorm,
 * fractionConverged.
 */
export function phaseDiagramFigure(options: PhaseDiagramOptions): TopLevelSpec {
  const criticalLabel = options.criticalLabel ?? 'critical step';
  const rows: FigureRow[] = options.points
    .filter((p) => drawable(p.stepSize, true))
    .map((p) => ({
      series: 'sweep',
      stepSize: p.stepSize,
      gradNorm: Number.isFinite(p.gradNorm) ? p.gradNorm : null,
      fractionConverged: p.fractionConverged,
    }));
  const critical = options.criticalStep;
  if (critical !== undefined) {
    if (!drawable(critical, true)) throw new InputError(`phase diagram: the critical step must be positive, got ${critical}`);
    rows.push({ series: criticalLabel, stepSize: critical, gradNorm: null, fractionConverged: null });
  }
  const x = position('stepSize', options.xLabel ?? LABELS.stepSize, { log: true, values: rows.map((r) => r.stepSize as number) });
  const onlySweep = [{ filter: { field: 'series', equal: 'sweep' } }];
  const onlyCritical = [{ filter: { field: 'series', equal: criticalLabel } }];
  // The critical step: a dashed rule in both panels, named in a legend under the figure (a label
  // beside the rule would run into the data or off the plot).
  const rule =
    critical === undefined
      ? []
      : [
          {
            transform: onlyCritical,
            mark: { type: 'rule' as const, color: CRITICAL_COLOR, strokeWidth: 1.5 },
            encoding: {
              x,
              strokeDash: {
                field: 'series',
                type: 'nominal' as const,
                scale: { domain: [criticalLabel], range: [[6, 4]] },
                legend: { title: null, orient: 'bottom' as const },
              },
            },
          },
        ];
  const panel = (field: 'gradNorm' | 'fractionConverged', title: string, log: boolean) => ({
    width: WIDTH,
    height: PHASE_PANEL_HEIGHT,
    layer: [
      {
        transform: [...onlySweep, { filter: `isValid(datum.${field})${log ? ` && datum.${field} > 0` : ''}` }],
        mark: { type: 'line' as const, point: true, strokeWidth: 1.75 },
        encoding: {
          x,
          y: position(field, title, log ? { log, values: rows.map((r) => r[field]).filter((v): v is number => typeof v === 'number') } : { log, domain: [0, 1] }),
        },
      },
      ...rule,
    ],
  });
  return styled({
    ...header(options),
    ...usermeta({
      x: { column: columnName(options.xLabel ?? LABELS.stepSize), field: 'stepSize' },
      columns: [
        { column: columnName(LABELS.asymptoticGradNorm), field: 'gradNorm', series: 'sweep' },
        { column: columnName(LABELS.fractionConverged), field: 'fractionConverged', series: 'sweep' },
        { column: 'critical_step', field: 'stepSize', series: criticalLabel },
      ],
    }),
    data: { values: rows },
    vconcat: [panel('gradNorm', LABELS.asymptoticGradNorm, true), panel('fractionConverged', LABELS.fractionConverged, false)],
    resolve: { scale: { x: 'shared' } },
  }, options);
}

/** One cell of a two-parameter grid: the parameters and the ratio lhs/rhs there. */
export interface TightnessCell {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
}

export interface TightnessHeatmapOptions extends FigureTitle {
  readonly cells: readonly TightnessCell[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly ratioLabel?: string;
}

/**
 * A heatmap of lhs/rhs over a two-parameter grid, diverging at 1 (blue: the bound holds with
 * room, orange: it fails). Data columns: x, y, ratio (null where not finite).
 */
export function tightnessHeatmap(options: TightnessHeatmapOptions): TopLevelSpec {
  const rows: FigureRow[] = options.cells.map(({ x, y, ratio }) => ({ x, y, ratio: Number.isFinite(ratio) ? ratio : null }));
  const grid = (field: 'x' | 'y', title: string) => ({
    field,
    type: 'ordinal' as const,
    title,
    sort: field === 'y' ? ('descending' as const) : ('ascending' as const),
    axis: { format: '.3~g', formatType: 'number' as const, labelAngle: 0 },
  });
  return styled({
    ...header(options),
    ...usermeta({
      x: { column: columnName(options.xLabel), field: 'x' },
      columns: [
        { column: columnName(options.yLabel), field: 'y' },
        { column: columnName(options.ratioLabel ?? LABELS.tightness), field: 'ratio' },
      ],
    }),
    ...size(),
    data: { values: rows },
    mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: grid('x', options.xLabel),
      y: grid('y', options.yLabel),
      color: {
        field: 'ratio',
        type: 'quantitative',
        scale: { scheme: 'blueorange', domainMid: 1 },
        legend: { title: options.ratioLabel ?? LABELS.tightness },
      },
    },
  }, options);
}

/**
 * At most `maxPoints` (>= 4) points of a long series, for a figure: its first and last points, and
 * the series cut into buckets, each kept by its smallest and largest y, so that the envelope of an
 * oscillation survives. The points keep their order.
 */
export function decimate(series: Series, maxPoints = 2000): Series {
  const n = series.x.length;
  if (n <= maxPoints) return series;
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const kept = new Set([0, n - 1]);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let low = from;
    let high = from;
    for (let i = from; i < to; i++) {
      if (series.y[i] < series.y[low]) low = i;
      if (series.y[i] > series.y[high]) high = i;
    }
    kept.add(low).add(high);
  }
  const indices = [...kept].sort((a, b) => a - b);
  return { label: series.label, x: indices.map((i) => series.x[i]), y: indices.map((i) => series.y[i]) };
}

/** The data table of a figure built here (its inline values), row by row. */
export function figureData(spec: TopLevelSpec): FigureRow[] {
  const data = 'data' in spec ? spec.data : undefined;
  if (!data || !('values' in data) || !Array.isArray(data.values)) {
    throw new InputError('the figure has no inline data table (build it with the functions of src/plot/specs.ts)');
  }
  return data.values as FigureRow[];
}

function csvCell(value: FigureValue | undefined): string {
  if (value === null || value === undefined) return 'nan';
  if (typeof value === 'number') return String(value);
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A column of the wide CSV: the values of `field` in the rows of `series` (of every row when absent). */
export interface CsvColumn {
  readonly column: string;
  readonly field: string;
  readonly series?: string;
}

/**
 * How `figureCsv` lays a figure's data out in wide form, kept in the spec's `usermeta`: one row per
 * value of the `x` field, one column per entry of `columns`.
 */
export interface CsvLayout {
  readonly x: { readonly column: string; readonly field: string };
  readonly columns: readonly CsvColumn[];
}

/** `columns` with repeated names made distinct by a suffix _2, _3, ... */
function distinctColumns<C extends { readonly column: string }>(columns: readonly C[]): C[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const count = (seen.get(c.column) ?? 0) + 1;
    seen.set(c.column, count);
    return count === 1 ? c : { ...c, column: `${c.column}_${count}` };
  });
}

function usermeta(layout: CsvLayout) {
  const [x, ...columns] = distinctColumns([layout.x, ...layout.columns]);
  return { usermeta: { csv: { x, columns } } };
}

function csvLayout(spec: TopLevelSpec): CsvLayout {
  const layout = (spec.usermeta as { csv?: CsvLayout } | undefined)?.csv;
  if (!layout) throw new InputError('the figure has no CSV layout (build it with the functions of src/plot/specs.ts)');
  return layout;
}

/**
 * The figure's data as CSV for pgfplots or pandas, in wide form: the x column, then one column per
 * series (named for what it holds: `t,gap,bound`), a row per x value shared by the series that
 * have it, numbers in shortest round-trip form, missing values as `nan`.
 */
export function figureCsv(spec: TopLevelSpec): string {
  const { x, columns } = csvLayout(spec);
  const table: Array<Record<string, FigureValue>> = [];
  const rowsAt = new Map<FigureValue, Array<Record<string, FigureValue>>>();
  for (const row of figureData(spec)) {
    const key = row[x.field] ?? null;
    const cells = columns.filter(({ field, series }) => (series === undefined || row.series === series) && (row[field] ?? null) !== null);
    if (cells.length === 0) continue;
    // The first row at this x with none of these columns filled: series sharing an x share a row.
    const candidates = rowsAt.get(key) ?? [];
    let target = candidates.find((r) => cells.every(({ column }) => r[column] === undefined));
    if (!target) {
      target = { [x.column]: key };
      table.push(target);
      rowsAt.set(key, [...candidates, target]);
    }
    for (const { column, field } of cells) target[column] = row[field];
  }
  const header = [x.column, ...columns.map((c) => c.column)];
  const lines = [header.map(csvCell).join(','), ...table.map((row) => header.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

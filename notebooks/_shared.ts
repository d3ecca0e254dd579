/**
 * What the notebooks share: the quick mode (BOUNDCHECK_NOTEBOOK_QUICK=1 shrinks every size, for the
 * smoke test), the output directory out/figures/<paper>/ (BOUNDCHECK_NOTEBOOK_OUT moves the root),
 * the `Notebook` that writes each figure with writeFigure and collects the README.md listing them
 * with the numbers behind them, markdown tables, K(eps), the first hit of a target gap, for runs
 * too long to record whole, and the grid of MLP configurations of the curvature study that the
 * two warm-up notebooks share.
 *
 * The README holds no time and no absolute path, so the same seed writes the same file.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { writeFigure } from '../src/plot/render.js';
import { toPaper, type PaperStyle } from '../src/plot/specs.js';
import { resolveCitations } from '../src/report/citation.js';
import { writeAtomically } from '../src/report/report.js';
import {
  formatNumber,
  mlpCurvatureStudy,
  run,
  type CurvatureStudy,
  schedule,
  type MlpCurvatureStudy,
  type MlpStudyConfig,
  type Problem,
  type Schedule,
} from '../src/index.js';

/** Reduced sizes, for the smoke test: every notebook then runs in a few seconds. */
export const QUICK = process.env.BOUNDCHECK_NOTEBOOK_QUICK === '1';

/** `full`, or `quick` in quick mode. */
export function sized<T>(full: T, quick: T): T {
  return QUICK ? quick : full;
}

/** 0, 1, ..., length - 1: the iteration axis of a recorded series. */
export function indices(length: number): number[] {
  return Array.from({ length }, (_, t) => t);
}

/**
 * n values from lo to hi, evenly spaced on a log scale (both ends included): 10 to the power
 * log10(lo) + k (log10(hi) - log10(lo)) / (n - 1), so that decades come out as 0.001, 0.01, ...
 * with no rounding noise.
 */
export function logGrid(lo: number, hi: number, n: number): number[] {
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  return Array.from({ length: n }, (_, k) => (k === 0 ? lo : k === n - 1 ? hi : 10 ** (a + ((b - a) * k) / (n - 1))));
}

/**
 * Paper mode for every figure (src/plot/specs.ts toPaper: no title, text of 8.5 pt at the printed
 * width): BOUNDCHECK_NOTEBOOK_PAPER=1 for a 3.25-inch column, or the width in inches (6.75).
 */
export function paperStyle(setting = process.env.BOUNDCHECK_NOTEBOOK_PAPER): PaperStyle | undefined {
  if (setting === undefined || setting === '' || setting === '0') return undefined;
  if (setting === '1') return {};
  const inches = Number(setting);
  if (!(inches > 0)) throw new Error(`BOUNDCHECK_NOTEBOOK_PAPER must be 1 or a width in inches, got ${JSON.stringify(setting)}`);
  return { widthInches: inches };
}

/** Where the figures go: out/figures/ of the repository, or BOUNDCHECK_NOTEBOOK_OUT. */
function figuresRoot(): string {
  const override = process.env.BOUNDCHECK_NOTEBOOK_OUT;
  return override ? resolve(override) : fileURLToPath(new URL('../out/figures/', import.meta.url));
}

/** A table cell: a number (shortest form, 6 significant digits), a label, or absent. */
export type Cell = number | string | undefined;

/** A number for a table: 6 significant digits, ∞ and − for infinite and missing values. */
export function cell(value: Cell): string {
  if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '−';
  if (typeof value === 'string') return value.replace(/\|/g, '\\|');
  if (value === Infinity) return '∞';
  return formatNumber(value);
}

/** A markdown table. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map((row) => line(row.map(cell)))].join('\n');
}

export interface FigureEntry {
  /** The figure's heading in the README. */
  readonly title: string;
  /** What the figure shows and how to read it (markdown). */
  readonly shows: string;
  /** The numbers behind it: markdown tables or lines, in order. */
  readonly numbers?: readonly string[];
}

/**
 * One notebook's output: figures written to out/figures/<paper>/ as they are made, and at the end
 * a README.md with each figure (its PNG embedded), what it shows and its numbers, and a summary on
 * the console.
 */
export class Notebook {
  readonly directory: string;
  private readonly sections: string[] = [];
  private readonly summaryLines: string[] = [];
  private readonly started = performance.now();

  /**
   * `style.paper` draws every figure in paper mode (the titles then live in the README only);
   * by default, as BOUNDCHECK_NOTEBOOK_PAPER says.
   */
  constructor(
    readonly paper: string,
    private readonly title: string,
    private readonly intro: string,
    private readonly style: { readonly paper?: PaperStyle } = { paper: paperStyle() },
  ) {
    this.directory = join(figuresRoot(), paper);
    mkdirSync(this.directory, { recursive: true });
  }

  /** Writes `name`.{vl.json,csv,svg,png,pdf} and adds the figure's section to the README. */
  async figure(name: string, spec: TopLevelSpec, entry: FigureEntry): Promise<void> {
    await writeFigure(this.style.paper ? toPaper(spec, this.style.paper) : spec, this.directory, name);
    this.sections.push(
      [`## ${entry.title}`, `![${entry.title}](${name}.png)`, entry.shows, ...(entry.numbers ?? []), `Files: ${name}.png, .svg, .pdf, .csv (data), .vl.json (vega-lite).`].join('\n\n'),
    );
  }

  /** A README section without a figure (a table of numbers). */
  section(title: string, ...paragraphs: string[]): void {
    this.sections.push([`## ${title}`, ...paragraphs].join('\n\n'));
  }

  /** A line of the console summary. */
  summary(line: string): void {
    this.summaryLines.push(line);
  }

  /** Writes README.md and prints the summary. */
  finish(): void {
    const mode = QUICK ? ' Reduced sizes: this is the quick mode of the smoke test (BOUNDCHECK_NOTEBOOK_QUICK=1).' : '';
    const header = [
      `# ${this.title}`,
      this.intro,
      `Regenerate with \`npx tsx notebooks/${this.paper}.ts\` (seeded: the same figures and numbers every run).${mode}`,
    ];
    // Citations of the notes (`warmup-h0h1.md §5`) written as their paths in docs/theory/.
    writeAtomically(join(this.directory, 'README.md'), resolveCitations(`${[...header, ...this.sections].join('\n\n')}\n`));
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    console.log(`${this.paper}: ${this.sections.length} sections in ${this.directory} (${seconds} s)`);
    for (const line of this.summaryLines) console.log(`  ${resolveCitations(line)}`);
  }
}

/** Steps per piece of `firstHit`: a piece's recorded arrays stay a few MB. */
const PIECE_STEPS = 1_000_000;

/** `inner` seen from step `offset` on: a piece of a run continues the run's t. */
function shifted(inner: Schedule, offset: number): Schedule {
  return offset === 0 ? inner : schedule(inner.label, (t, state) => inner(t + offset, state));
}

/**
 * K(eps): the first t with f(x_t) - f* <= eps, for GD with `rule` from x0, running in pieces of a
 * million steps so that a run of 10^8 steps records nothing whole; Infinity when it diverges or has
 * not arrived after `maxSteps`.
 */
export function firstHit(problem: Problem, rule: Schedule, x0: ArrayLike<number>, eps: number, maxSteps: number): number {
  let x: Float64Array = Float64Array.from(x0);
  for (let done = 0; done < maxSteps; ) {
    const piece = run(problem, shifted(rule, done), x, { maxSteps: Math.min(PIECE_STEPS, maxSteps - done), targetGap: eps });
    if (piece.stop === 'target') return done + piece.steps;
    if (piece.stop !== 'budget') return Infinity;
    done += piece.steps;
    x = piece.xFinal;
  }
  return Infinity;
}

/**
 * The MLP configurations of the curvature study (the issue's grid): tanh and ReLU, MSE and
 * cross-entropy, without L2 and with l2 = 0.01, each on three seeded data sets (one in quick mode).
 */
export function curvatureGridConfigs(): MlpStudyConfig[] {
  const seeds = sized([1, 2, 3], [1]);
  return (['tanh', 'relu'] as const).flatMap((activation) =>
    (['mse', 'crossEntropy'] as const).flatMap((loss) =>
      [0, 0.01].flatMap((l2) => seeds.map((seed) => ({ activation, loss, l2, seed, steps: sized(20_000, 3000) }))),
    ),
  );
}

const ACTIVATION_NAMES: Readonly<Record<MlpStudyConfig['activation'], string>> = { tanh: 'tanh', relu: 'ReLU', leakyRelu: 'leaky ReLU' };
const LOSS_NAMES: Readonly<Record<MlpStudyConfig['loss'], string>> = { mse: 'squared loss', crossEntropy: 'cross-entropy loss' };

/** A configuration without its seed, in words for titles and tables: `tanh, cross-entropy loss, weight decay 0.01`. */
export const configLabel = ({ activation, loss, l2 }: MlpStudyConfig): string =>
  `${ACTIVATION_NAMES[activation]}, ${LOSS_NAMES[loss]}, ${l2 === 0 ? 'no weight decay' : `weight decay ${formatNumber(l2)}`}`;

/** The f* a study measured its gaps from: `f* = 0 (the problem's f*)`. */
export const referenceText = ({ reference }: CurvatureStudy): string => `f* = ${formatNumber(reference.value)} (${reference.description})`;

/** The study of the grid on seed 1 of a configuration. */
export function gridStudy(studies: readonly MlpCurvatureStudy[], { activation, loss, l2 }: Omit<MlpStudyConfig, 'seed'>): MlpCurvatureStudy {
  const study = studies.find((s) => s.config.activation === activation && s.config.loss === loss && s.config.l2 === l2 && s.config.seed === 1);
  if (!study) throw new Error(`the grid has no study of ${configLabel({ activation, loss, l2, seed: 1 })}`);
  return study;
}

/** The study on every configuration of the grid. */
export function curvatureGrid(): MlpCurvatureStudy[] {
  return curvatureGridConfigs().map(mlpCurvatureStudy);
}

/**
 * The grid's results, one row per configuration and seed: the reference f*, the gap range, the
 * (H0,H1) envelope, the tightest (rho,K0,Krho) envelope, C11's log-log slope, the two median
 * slacks, the rise and the verdict (src/estimate/curvatureStudy.ts).
 */
export function curvatureGridTable(studies: readonly MlpCurvatureStudy[]): string {
  return markdownTable(
    ['configuration', 'seed', 'f* used', 'gap range', 'H₀', 'H₁', 'ρ', 'K₀', 'Kᵨ', 'log-log slope', 'slack linear / best', 'rise', 'verdict'],
    studies.map((s) => {
      const gaps = s.pairs.map((p) => p.gap);
      return [
        configLabel(s.config),
        s.config.seed,
        referenceText(s),
        `${formatNumber(Math.min(...gaps))} to ${formatNumber(Math.max(...gaps))}`,
        s.linear.H0,
        s.linear.H1,
        s.power.rho,
        s.power.K0,
        s.power.Krho,
        s.logLogSlope,
        `${s.linearSlack.toFixed(3)} / ${s.powerSlack.toFixed(3)}`,
        s.rise,
        s.verdict,
      ];
    }),
  );
}

/** How many studies of each configuration got each verdict: `tanh, squared loss, no weight decay: flat 2, linear 1`. */
export function verdictCounts(studies: readonly MlpCurvatureStudy[]): string[] {
  const byConfig = new Map<string, Map<string, number>>();
  for (const s of studies) {
    const counts = byConfig.get(configLabel(s.config)) ?? new Map<string, number>();
    counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
    byConfig.set(configLabel(s.config), counts);
  }
  return [...byConfig].map(([label, counts]) => `${label}: ${[...counts].map(([verdict, n]) => `${verdict} ${n}`).join(', ')}`);
}

/**
 * `boundcheck plot CLAIM.ts | REPORT.json [--out DIR]`: the figure of one instance of a claim, its
 * trajectory against the bound. From a claim file it searches first (with falsify's options) and
 * plots the counterexample, or the worst instance when none was found; from a report it plots the
 * report's counterexample (or its worst instance). The instance is re-run with the GD runner and
 * written as trajectory.{vl.json,csv,svg,png,pdf} to DIR (default out/figures/<claim id>/), with
 * its caption (the instance's parameters, how the bound is drawn) in trajectory.caption.txt; the
 * bound is drawn as a function of t along the run when it can be. --paper drops the title and
 * sizes the figure for a 3.25-inch column.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../claims/claim.js';
import type { Instance } from '../claims/family.js';
import { distanceAt, gapAt, minGradNorm, sharpnessAt } from '../claims/measures.js';
import { run } from '../gd/run.js';
import type { Trajectory } from '../gd/trajectory.js';
import { writeFigure } from '../plot/render.js';
import { boundAlongRun } from '../plot/boundAlongRun.js';
import { decimate, LABELS, trajectoryFigure, unicodeMath, type FigureStyle, type Series } from '../plot/specs.js';
import { claimFileOf, readReport, safeId, writeAtomically, type PointReport, type Report } from '../report/report.js';
import { InputError } from '../util/errors.js';
import { formatNumber } from '../util/format.js';
import { loadTarget, searchOne, type ClaimTarget } from './falsify.js';
import type { CliValues } from './main.js';
import { searchOptions } from './options.js';
import { trustedClaimFile } from './trust.js';

/** The longest run a first-hit figure re-runs when the bound is infinite or huge. */
const MAX_FIRST_HIT_STEPS = 100_000;

/** Points per line in the figure; longer runs are decimated (their oscillations kept). */
const MAX_POINTS = 2000;

type Quantity = 'gap' | 'gradNorm' | 'sharpness' | 'distance';

const QUANTITY_LABELS: Readonly<Record<Quantity, string>> = {
  gap: LABELS.gap,
  gradNorm: LABELS.gradNorm,
  sharpness: 'λₘₐₓ(∇²f(xₜ))',
  distance: '‖xₜ − x*‖',
};

/**
 * What the claim's lhs reads off the run, recognized by the labels of src/claims/measures.ts: a
 * quantity at (or minimized up to) the horizon, compared with the bound as a level; the first hit
 * of a target gap, compared with the bound as an iteration; or anything else, drawn without the
 * bound.
 */
type Reading =
  | { readonly kind: 'level'; readonly quantity: Quantity; readonly steps?: number }
  | { readonly kind: 'first hit'; readonly eps?: number }
  | { readonly kind: 'other' };

function readingOf(label: string): Reading {
  const gapAtStep = /^f\(x_(\d+)\) - f\*$/.exec(label);
  if (gapAtStep) return { kind: 'level', quantity: 'gap', steps: Number(gapAtStep[1]) };
  const levels: ReadonlyArray<[string, Quantity]> = [
    [gapAt().label, 'gap'],
    [minGradNorm().label, 'gradNorm'],
    [sharpnessAt().label, 'sharpness'],
    [distanceAt().label, 'distance'],
  ];
  const level = levels.find(([measureLabel]) => measureLabel === label);
  if (level) return { kind: 'level', quantity: level[1] };
  const firstHit = /^K\((.+)\)$/.exec(label);
  if (firstHit) {
    const eps = Number(firstHit[1]);
    return { kind: 'first hit', ...(eps > 0 ? { eps } : {}) };
  }
  return { kind: 'other' };
}

function requireRun(target: ClaimTarget): void {
  if (target.claim.lhs.certification === 'pointwise') {
    throw new InputError(`claim ${target.claim.id} is a statement at a point, with no run to plot`);
  }
}

export interface PlotPoint {
  readonly point: PointReport;
  /** What the point is, for titles and captions: `counterexample`, `worst instance`, ... */
  readonly which: string;
}

function pointOf(report: Report): PlotPoint {
  if (report.counterexample) return { point: report.counterexample, which: 'counterexample' };
  if (report.worst) return { point: report.worst, which: 'worst instance' };
  throw new InputError(
    `claim ${report.claim.id}: the search kept no instance to plot (${report.search.discarded} discarded by hypotheses)`,
  );
}

function runnable(claim: Claim<Instance>, instance: Instance): Required<Pick<Instance, 'schedule' | 'x0'>> {
  if (!instance.schedule || !instance.x0) throw new InputError(`claim ${claim.id}: its instances have no start and schedule to run`);
  return { schedule: instance.schedule, x0: instance.x0 };
}

/**
 * How many steps the claim's measure ran at this point: as its report recorded, else as its label
 * says (f(x_10) - f*), else the instance's horizon.
 */
function measuredSteps(claim: Claim<Instance>, point: PointReport, instance: Instance, labelled?: number): number {
  const steps = point.trajectory?.steps ?? labelled ?? instance.horizon;
  if (steps === undefined) throw new InputError(`claim ${claim.id}: its instances have no horizon to run to`);
  return steps;
}

function iterationIndices(length: number): number[] {
  return Array.from({ length }, (_, t) => t);
}

function trajectorySeries(trajectory: Trajectory, quantity: Quantity): Series {
  const values = trajectory[quantity];
  if (!values) throw new Error(`the run did not record ${quantity}`);
  return decimate({ label: QUANTITY_LABELS[quantity], x: iterationIndices(values.length), y: values }, MAX_POINTS);
}

/** The smallest positive and the largest finite value of a series: the span a vertical line covers. */
function positiveSpan(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value > 0 && Number.isFinite(value)) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return low <= high ? [low, high] : [1, 1];
}

/** The instance's parameters for a caption: `L = 1, R = 2, N = 20, h = 0.5`. */
export function parameterText(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${unicodeMath(name)} = ${formatNumber(value)}`)
    .join(', ');
}

/** What `instanceFigure` draws, and its caption (the claim, the point, its parameters and how the bound is drawn). */
export interface InstanceFigure {
  readonly spec: TopLevelSpec;
  readonly caption: string;
}

/**
 * The figure of one instance: re-runs it and draws what its lhs reads against the bound, the bound
 * as a function of t along the run when the claim's horizon is a parameter (see
 * src/plot/boundAlongRun.ts), else its value at the horizon. `style` sets the figure's layout
 * (paper mode: no title, its width in inches).
 */
export function instanceFigure(claim: Claim<Instance>, { point, which }: PlotPoint, style: FigureStyle = {}): InstanceFigure {
  const instance = claim.family.instance(point.params);
  const { schedule, x0 } = runnable(claim, instance);
  const reading = readingOf(claim.lhs.label);
  const relation = claim.kind === 'upper' ? '≤' : '≥';
  const bound = unicodeMath(claim.rhsLabel);
  const boundName = `${claim.kind} bound ${bound} = ${formatNumber(point.rhs)}`;
  const measured = `lhs ${unicodeMath(claim.lhs.label)} = ${formatNumber(point.lhs)}, rhs = ${formatNumber(point.rhs)}`;
  const subtitle = `claimed lhs ${relation} rhs; ${measured}: ${point.status}`;
  const title = `${claim.id}, ${which}`;
  const caption = (drawn: string): string => `${claim.id}, ${which} at ${parameterText(point.params)}: ${measured} (${point.status}). ${drawn}`;
  const figure = { title, subtitle, ...style };

  if (reading.kind === 'level') {
    const horizon = measuredSteps(claim, point, instance, reading.steps);
    const trajectory = run(instance.problem, schedule, x0, {
      maxSteps: horizon,
      recordSharpness: reading.quantity === 'sharpness',
      recordDistance: reading.quantity === 'distance',
    });
    const along = boundAlongRun(claim, point.params, trajectory, `${claim.kind} bound ${bound}`);
    return {
      spec: trajectoryFigure({
        ...figure,
        series: [trajectorySeries(trajectory, reading.quantity)],
        bound: along ? decimate(along.series, MAX_POINTS) : { label: `${boundName} at t = ${horizon}`, x: [0, horizon], y: [point.rhs, point.rhs] },
        yLabel: QUANTITY_LABELS[reading.quantity],
        xLabel: LABELS.iteration,
      }),
      caption: caption(
        along
          ? `The dashed line is the bound at every horizon t ≤ ${horizon} (${along.parameter} = t, the other parameters fixed).`
          : `The dashed line is the bound at the horizon t = ${horizon}.`,
      ),
    };
  }

  if (reading.kind === 'first hit') {
    const reach = Math.max(point.rhs, Number.isFinite(point.lhs) ? point.lhs : 0);
    const maxSteps = Math.min(MAX_FIRST_HIT_STEPS, Math.ceil(reach) + 1);
    const trajectory = run(instance.problem, schedule, x0, { maxSteps });
    const [low, high] = positiveSpan(trajectory.gap);
    const target =
      reading.eps === undefined
        ? []
        : [{ label: `target ε = ${formatNumber(reading.eps)}`, x: [0, trajectory.steps], y: [reading.eps, reading.eps] }];
    return {
      spec: trajectoryFigure({
        ...figure,
        series: [trajectorySeries(trajectory, 'gap'), ...target],
        bound: { label: `${boundName} (iterations)`, x: [point.rhs, point.rhs], y: [Math.min(low, reading.eps ?? low), high] },
        yLabel: LABELS.gap,
      }),
      caption: caption('The dashed vertical line is the bound on the number of iterations to reach the target.'),
    };
  }

  const trajectory = run(instance.problem, schedule, x0, { maxSteps: measuredSteps(claim, point, instance) });
  return {
    spec: trajectoryFigure({
      ...figure,
      series: [trajectorySeries(trajectory, 'gap'), trajectorySeries(trajectory, 'gradNorm')],
      yLabel: `${LABELS.gap}, ${LABELS.gradNorm}`,
    }),
    caption: caption(`The statement reads ${unicodeMath(claim.lhs.label)} off the run, which is not drawn: the run's gap and gradient norm are.`),
  };
}

export async function runPlot(positionals: string[], values: CliValues): Promise<number> {
  if (positionals.length !== 1) throw new InputError('plot takes exactly one claim file or report');
  const [path] = positionals;
  let target: ClaimTarget;
  let report: Report;
  if (path.endsWith('.json')) {
    report = readReport(path);
    target = await loadTarget(trustedClaimFile(path, claimFileOf(report, path), values.trust ?? false), report.claim.export);
    requireRun(target);
  } else {
    const options = searchOptions(values);
    target = await loadTarget(path, values.export);
    requireRun(target);
    report = await searchOne({ file: path, exportName: target.exportName }, options);
  }
  const plotted = pointOf(report);
  const directory = values.out ?? join('out', 'figures', safeId(target.claim.id));
  const { spec, caption } = instanceFigure(target.claim, plotted, values.paper ? { paper: {} } : {});
  const files = await writeFigure(spec, directory, 'trajectory');
  writeAtomically(join(directory, 'trajectory.caption.txt'), `${caption}\n`);
  console.log(`${target.claim.id}: verdict ${report.verdict}; plotted the ${plotted.which}`);
  console.log(caption);
  for (const file of [...Object.values(files), join(directory, 'trajectory.caption.txt')]) console.log(`  ${file}`);
  return 0;
}

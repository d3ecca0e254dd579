/**
 * The adversarial stage: from the best points of the random stage, it climbs towards a violation
 * (or, while the claim holds, towards the tightest point) until its budget is spent. Each run, from
 * its start:
 * - a Hooke-Jeeves exploration of the continuous parameters (through the unit cube): coordinate
 *   polls, each parameter moved by +-its own step (doubled after a success, halved after a
 *   failure) and, when that improves, on to the face of the box in that direction (corners, where
 *   bounds are tight, are reached by such moves), each improving poll followed by pattern moves;
 *   parameters whose moves change nothing are flat there, and a parameter on a face whose move
 *   inward does not improve is held there: the later polls of the exploration skip both;
 * - then Nelder-Mead over the parameters that are neither flat nor on a face of the box, in a run
 *   of at most RUN_LENGTH (n + 1) evaluations for n of them (a simplex spent on parameters that
 *   change nothing, or that sit at their bound, collapses without progress);
 * - integer parameters move too: each one's neighbouring values (+-1, and x2 / /2 over wide
 *   ranges) are tried at the best point, and kept when they improve it;
 * - when a run stalls (nothing improved), the stage restarts from the same point with a smaller
 *   simplex, then from the next random start, then from the best point found;
 * - degenerate points never become starts and never lead a run: discarded ones, non-finite ones,
 *   and those where both sides are 0 or negligible at the claim's own scale (a point where
 *   lhs = rhs = 0 has margin 0, which would otherwise outrank every real point).
 * Measured on the class tightness benchmark (README "Tightness on the class families").
 * The objective is the margin at a violation and lhs/rhs - 1 (upper claims; rhs/lhs - 1 for lower
 * ones) below the bound, so that holding points are ranked by their tightness.
 * It stops as soon as it finds a violation beyond the tolerance.
 */
import type { Claim } from '../claims/claim.js';
import { fromUnit, toUnit, type Instance, type ParameterSpec, type Params } from '../claims/family.js';
import type { Evaluation } from '../claims/evaluate.js';
import { nelderMead } from './nelderMead.js';

export interface AdversarialOptions {
  /** Evaluations for the whole stage. */
  readonly budget: number;
  /** How many of the best random points to keep as starts (restarts take the next one). */
  readonly starts: number;
  readonly tolerance: number;
  /** Checked before each run; true ends the stage (time limit). */
  readonly outOfTime: () => boolean;
}

export interface AdversarialResult {
  readonly evaluations: Evaluation[];
  /** Nelder-Mead runs made (first starts and restarts). */
  readonly starts: number;
}

/** Most evaluations of one Nelder-Mead run, per vertex of its simplex. */
const RUN_LENGTH = 10;

/** The coordinate poll's largest and smallest steps, in unit coordinates. */
const POLL_STEP = 0.05;
const MIN_POLL_STEP = 1e-4;

/**
 * Coordinate polls of one run, and the most pattern moves after one. 10 polls with faces held
 * (5 before) took O3 on the class tightness benchmark from 0.9989 to 0.9998, the other rows as they were.
 */
const POLLS = 10;
const MAX_PATTERN_MOVES = 7;

/** Score changes below this are rounding: a parameter whose moves change the score less is flat there. */
const FLAT = 1e-12;

/** Sides below this fraction of the claim's scale are rounding noise: such a point says nothing. */
const NEGLIGIBLE = 1e-12;

/**
 * Whether an evaluation is degenerate for the search: discarded, non-finite, both sides 0, or both
 * sides negligible at the claim's scale (read back from margin = (lhs - rhs) / scale).
 */
export function isDegenerate(e: Evaluation): boolean {
  if (e.status === 'discarded' || !Number.isFinite(e.margin) || !Number.isFinite(e.lhs) || !Number.isFinite(e.rhs)) return true;
  if (e.lhs === 0 && e.rhs === 0) return true;
  if (e.margin === 0) return false;
  const scale = Math.abs(e.lhs - e.rhs) / Math.abs(e.margin);
  return Math.max(Math.abs(e.lhs), Math.abs(e.rhs)) <= NEGLIGIBLE * scale;
}

/** The value the stage maximizes (see the module comment); -Infinity at degenerate points. */
export function adversarialScore(claim: Pick<Claim<Instance>, 'kind'>, e: Evaluation): number {
  if (e.status === 'diverged') return Infinity;
  if (isDegenerate(e)) return -Infinity;
  if (e.margin > 0) return e.margin;
  const [top, bottom] = claim.kind === 'upper' ? [e.lhs, e.rhs] : [e.rhs, e.lhs];
  if (top >= 0 && bottom > 0) return Math.min(0, top / bottom - 1);
  return Math.max(-1, Math.min(0, e.margin));
}

/** Neighbouring values of an integer parameter. */
function integerNeighbours(spec: ParameterSpec, value: number): number[] {
  const candidates = [value - 1, value + 1];
  if (spec.max - spec.min >= 8) candidates.push(Math.round(value / 2), value * 2);
  return [...new Set(candidates)].filter((v) => v >= spec.min && v <= spec.max && v !== value);
}

export function adversarialStage(
  claim: Claim<Instance>,
  seeds: readonly Evaluation[],
  evaluate: (params: Params) => Evaluation,
  options: AdversarialOptions,
): AdversarialResult {
  const { box } = claim.family;
  const names = Object.keys(box).filter((name) => box[name].max > box[name].min);
  const continuous = names.filter((name) => box[name].kind !== 'integer');
  const integers = names.filter((name) => box[name].kind === 'integer');
  const evaluations: Evaluation[] = [];
  const score = (e: Evaluation): number => adversarialScore(claim, e);
  const candidates = seeds
    .filter((e) => !isDegenerate(e))
    .sort((a, b) => score(b) - score(a))
    .slice(0, options.starts);
  if (names.length === 0 || candidates.length === 0) return { evaluations, starts: 0 };

  let best = candidates[0];
  const found = (): boolean => best.status === 'diverged' || best.margin > options.tolerance;
  const remaining = (): number => options.budget - evaluations.length;
  const evaluateAt = (params: Params): Evaluation => {
    const evaluation = evaluate(params);
    evaluations.push(evaluation);
    if (score(evaluation) > score(best)) best = evaluation;
    return evaluation;
  };

  /** Nelder-Mead over the continuous parameters `moving` from `start`; returns the best evaluation of the run. */
  const climb = (start: Evaluation, step: number, moving: readonly string[]): Evaluation => {
    let runBest = start;
    const pointAt = (unit: number[]): Params => {
      const params: Record<string, number> = { ...start.params };
      moving.forEach((name, i) => (params[name] = fromUnit(box[name], unit[i])));
      return params;
    };
    nelderMead(
      (unit) => {
        const evaluation = evaluateAt(pointAt(unit));
        if (score(evaluation) > score(runBest)) runBest = evaluation;
        const value = score(evaluation);
        return value === -Infinity ? Infinity : -value;
      },
      moving.map((name) => toUnit(box[name], start.params[name])),
      { maxEvaluations: Math.min(remaining(), RUN_LENGTH * (moving.length + 1)), stopWhen: () => found(), initialStep: step, valueTolerance: 1e-13 },
    );
    return runBest;
  };

  /** Each continuous parameter's step of the coordinate poll, in unit coordinates. */
  const pollSteps = new Map(continuous.map((name) => [name, POLL_STEP]));
  /**
   * One coordinate poll from `from`: each continuous parameter moves by +-its step, and on
   * improving, on to the face of the box in that direction; kept when better. Returned as settled
   * (skipped by the later polls of the exploration): a parameter whose moves change nothing
   * (flat), and one on a face of the box whose move inward does not improve (held there).
   */
  const poll = (from: Evaluation, skip: ReadonlySet<string>): { reached: Evaluation; settled: Set<string> } => {
    let current = from;
    const settled = new Set<string>(skip);
    for (const name of continuous) {
      if (skip.has(name)) continue;
      const spec = box[name];
      const unit = toUnit(spec, current.params[name]);
      const step = pollSteps.get(name)!;
      let moved = false;
      let unchanged = true;
      for (const direction of [1, -1]) {
        const target = Math.min(1, Math.max(0, unit + direction * step));
        if (target === unit || found() || remaining() <= 0) continue;
        const evaluation = evaluateAt({ ...current.params, [name]: fromUnit(spec, target) });
        if (Math.abs(score(evaluation) - score(current)) > FLAT) unchanged = false;
        if (!(score(evaluation) > score(current))) continue;
        current = evaluation;
        moved = true;
        const face = direction > 0 ? 1 : 0;
        if (target !== face && !found() && remaining() > 0) {
          const atFace = evaluateAt({ ...current.params, [name]: fromUnit(spec, face) });
          if (score(atFace) > score(current)) current = atFace;
        }
        break;
      }
      pollSteps.set(name, moved ? Math.min(2 * step, POLL_STEP) : Math.max(step / 2, MIN_POLL_STEP));
      if (!moved && (unchanged || unit === 0 || unit === 1)) settled.add(name);
    }
    return { reached: current, settled };
  };

  /** The pattern move from `to`, on by its displacement from `from` (in the unit cube, clamped to the box). */
  const beyond = (from: Evaluation, to: Evaluation): Params => {
    const params: Record<string, number> = { ...to.params };
    for (const name of continuous) {
      const [u, v] = [toUnit(box[name], from.params[name]), toUnit(box[name], to.params[name])];
      params[name] = fromUnit(box[name], Math.min(1, Math.max(0, 2 * v - u)));
    }
    return params;
  };

  /**
   * Hooke-Jeeves exploration from `start`: POLLS coordinate polls, each improving one followed by
   * pattern moves (the same displacement again, while that improves). Returns where it got and the
   * parameters settled (flat, or held at a face).
   */
  const explore = (start: Evaluation): { reached: Evaluation; settled: Set<string> } => {
    let polled = poll(start, new Set());
    let base = start;
    for (let i = 1; i < POLLS && !found() && remaining() > 0; i++) {
      if (score(polled.reached) > score(base)) {
        let [from, to] = [base, polled.reached];
        for (let jump = 0; jump < MAX_PATTERN_MOVES && !found() && remaining() > 0; jump++) {
          const jumped = evaluateAt(beyond(from, to));
          if (!(score(jumped) > score(to))) break;
          [from, to] = [to, jumped];
        }
        polled = { ...polled, reached: to };
      }
      base = polled.reached;
      polled = poll(polled.reached, polled.settled);
    }
    return polled;
  };

  /** Coordinate moves over the integer parameters at `from`, while they improve it. */
  const moveIntegers = (from: Evaluation): Evaluation => {
    let current = from;
    let improved = true;
    while (improved && !found() && remaining() > 0) {
      improved = false;
      for (const name of integers) {
        for (const value of integerNeighbours(box[name], current.params[name])) {
          if (found() || remaining() <= 0) return current;
          const evaluation = evaluateAt({ ...current.params, [name]: value });
          if (score(evaluation) > score(current)) {
            current = evaluation;
            improved = true;
            break;
          }
        }
      }
    }
    return current;
  };

  let runs = 0;
  let next = 0;
  let start = candidates[next++];
  let step = 0.05;
  // Every run evaluates at least once (its first poll, or an integer move), so the budget is spent to the last evaluation.
  while (remaining() > 0 && !found() && !options.outOfTime()) {
    runs++;
    const before = score(start);
    let reached = start;
    if (continuous.length > 0) {
      const polled = explore(start);
      // Nelder-Mead over the parameters that matter here and are inside the box (the poll moves the others).
      const moving = continuous.filter((name) => !polled.settled.has(name) && box[name].min < polled.reached.params[name] && polled.reached.params[name] < box[name].max);
      reached = moving.length > 0 && remaining() > moving.length + 1 ? climb(polled.reached, step, moving) : polled.reached;
    }
    if (integers.length > 0) reached = moveIntegers(reached);
    if (score(reached) > before + 1e-12) {
      // Progress: go on from where this run got, with a fresh simplex.
      start = reached;
      step = 0.05;
    } else if (step > 0.01) {
      // Stalled: one more try from the same point with a smaller simplex.
      step = 0.005;
    } else {
      // Stalled twice: a fresh start (the next random point), or the best point found so far.
      start = next < candidates.length ? candidates[next++] : best;
      step = next < candidates.length ? 0.05 : 0.2;
    }
    if (continuous.length === 0 && integers.length > 0 && score(reached) <= before + 1e-12 && next >= candidates.length) break;
  }
  return { evaluations, starts: runs };
}

/**
 * The adversarial stage: from the best points of the random stage, Nelder-Mead maximizes the
 * normalized margin over the family's continuous parameters (integer parameters stay at the
 * starting point's values), and stops as soon as it finds a violation.
 */
import type { Claim } from '../claims/claim.js';
import { fromUnit, toUnit, type Instance, type Params } from '../claims/family.js';
import type { Evaluation } from '../claims/evaluate.js';
import { nelderMead } from './nelderMead.js';

export interface AdversarialOptions {
  /** Evaluations for the whole stage, shared among the starts. */
  readonly budget: number;
  /** How many of the best random points to start from. */
  readonly starts: number;
  readonly tolerance: number;
  /** Checked before each start; true ends the stage (time limit). */
  readonly outOfTime: () => boolean;
}

export interface AdversarialResult {
  readonly evaluations: Evaluation[];
  readonly starts: number;
}

/** Margin used for ranking: discarded points rank last. */
const rank = (e: Evaluation): number => (e.status === 'discarded' ? -Infinity : e.margin);

export function adversarialStage(
  claim: Claim<Instance>,
  seeds: readonly Evaluation[],
  evaluate: (params: Params) => Evaluation,
  options: AdversarialOptions,
): AdversarialResult {
  const { box } = claim.family;
  const continuous = Object.keys(box).filter((name) => box[name].kind !== 'integer');
  const evaluations: Evaluation[] = [];
  const starts = [...seeds]
    .filter((e) => e.status !== 'discarded' && Number.isFinite(e.margin))
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, options.starts);
  if (continuous.length === 0 || starts.length === 0) return { evaluations, starts: 0 };
  const perStart = Math.floor(options.budget / starts.length);
  let used = 0;
  for (const start of starts) {
    if (options.outOfTime() || perStart < continuous.length + 1) break;
    used++;
    const pointAt = (unit: number[]): Params => {
      const params: Record<string, number> = { ...start.params };
      continuous.forEach((name, i) => (params[name] = fromUnit(box[name], unit[i])));
      return params;
    };
    const result = nelderMead(
      (unit) => {
        const evaluation = evaluate(pointAt(unit));
        evaluations.push(evaluation);
        return evaluation.status === 'discarded' ? Infinity : -evaluation.margin;
      },
      continuous.map((name) => toUnit(box[name], start.params[name])),
      { maxEvaluations: perStart, stopWhen: (value) => -value > options.tolerance, initialStep: 0.05 },
    );
    if (-result.value > options.tolerance) break;
  }
  return { evaluations, starts: used };
}

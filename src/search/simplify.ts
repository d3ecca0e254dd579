/**
 * Simplification of a counterexample: smaller integer parameters (fewer dimensions, fewer steps)
 * and rounder continuous ones (fewest significant digits), keeping only changes after which the
 * point still violates the claim with the same status.
 */
import type { Claim } from '../claims/claim.js';
import type { Instance, ParameterSpec, Params } from '../claims/family.js';
import type { Evaluation } from '../claims/evaluate.js';

function integerCandidates(spec: ParameterSpec, value: number): number[] {
  const candidates = [spec.min, spec.min + 1, spec.min + 2, Math.round(value / 4), Math.round(value / 2), value - 1];
  return [...new Set(candidates)].filter((v) => v >= spec.min && v < value).sort((a, b) => a - b);
}

function roundedCandidates(spec: ParameterSpec, value: number): number[] {
  const candidates: number[] = [];
  for (let digits = 1; digits <= 6; digits++) {
    const rounded = Number(value.toPrecision(digits));
    if (rounded >= spec.min && rounded <= spec.max && rounded !== value) candidates.push(rounded);
  }
  return [...new Set(candidates)];
}

export interface SimplifyResult {
  readonly evaluation: Evaluation;
  readonly evaluations: number;
}

export function simplify(
  claim: Claim<Instance>,
  counterexample: Evaluation,
  evaluate: (params: Params) => Evaluation,
): SimplifyResult {
  const { box } = claim.family;
  let current = counterexample;
  let evaluations = 0;
  const tryPoint = (params: Params): boolean => {
    evaluations++;
    const evaluation = evaluate(params);
    if (evaluation.status !== counterexample.status) return false;
    current = evaluation;
    return true;
  };
  const names = Object.keys(box);
  for (const name of names.filter((n) => box[n].kind === 'integer')) {
    for (const value of integerCandidates(box[name], current.params[name])) {
      if (tryPoint({ ...current.params, [name]: value })) break;
    }
  }
  for (const name of names.filter((n) => box[n].kind !== 'integer')) {
    for (const value of roundedCandidates(box[name], current.params[name])) {
      if (tryPoint({ ...current.params, [name]: value })) break;
    }
  }
  return { evaluation: current, evaluations };
}

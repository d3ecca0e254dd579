/**
 * The random stage: a fast-check property run over the family's box. The points are those of
 * `fc.sample(arbitrary, { seed, numRuns })`, evaluated up front (in workers or shards when asked),
 * then `fc.check` walks the same stream with the same seed so that its failure carries fast-check's
 * seed and path: `fc.check(property, { seed, path })` replays it. Points that fail a hypothesis are
 * skipped with `fc.pre` and counted.
 */
import fc from 'fast-check';
import type { Claim } from '../claims/claim.js';
import { boxArbitrary, type Instance, type Params } from '../claims/family.js';
import type { Evaluation } from '../claims/evaluate.js';

export interface RandomStageOptions {
  readonly seed: number;
  readonly numRuns: number;
}

export interface RandomStageResult {
  /** Every evaluation made, the pre-sampled points first (in sample order), then any drawn after skips. */
  readonly evaluations: Evaluation[];
  /** The first failing run as fast-check reports it, when there is one. */
  readonly failure?: { readonly evaluation: Evaluation; readonly path: string };
  readonly numRuns: number;
  readonly numSkips: number;
}

/** The points the random stage evaluates first, in order. */
export function randomStagePoints(claim: Claim<Instance>, options: RandomStageOptions): Params[] {
  return fc.sample(boxArbitrary(claim.family.box), { seed: options.seed, numRuns: options.numRuns });
}

const keyOf = (params: Params): string => JSON.stringify(params);

/**
 * Runs the property. `presampled` holds the evaluations of `randomStagePoints` (possibly computed
 * elsewhere); `evaluate` computes any further point fast-check draws.
 */
export function randomStage(
  claim: Claim<Instance>,
  options: RandomStageOptions,
  presampled: readonly Evaluation[],
  evaluate: (params: Params) => Evaluation,
): RandomStageResult {
  const evaluations = [...presampled];
  const cache = new Map(presampled.map((e) => [keyOf(e.params), e]));
  const lookup = (params: Params): Evaluation => {
    const key = keyOf(params);
    let evaluation = cache.get(key);
    if (!evaluation) {
      evaluation = evaluate(params);
      cache.set(key, evaluation);
      evaluations.push(evaluation);
    }
    return evaluation;
  };
  const property = fc.property(boxArbitrary(claim.family.box), (params) => {
    const evaluation = lookup(params);
    fc.pre(evaluation.status !== 'discarded');
    return evaluation.status === 'holds';
  });
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    endOnFailure: true,
    maxSkipsPerRun: 1000,
  });
  const failing = details.failed && details.counterexample ? details.counterexample[0] : undefined;
  return {
    evaluations,
    ...(failing && details.counterexamplePath
      ? { failure: { evaluation: lookup(failing), path: details.counterexamplePath } }
      : {}),
    numRuns: details.numRuns,
    numSkips: details.numSkips,
  };
}

/**
 * The random stage: a fast-check property run over the family's box, streamed. Points come from
 * `randomPoints`, the very stream `fc.check` and `fc.sample` draw for a seed (the test in
 * tests/search/random.test.ts holds it to that), in chunks evaluated ahead (on worker threads when
 * asked); `fc.check` then walks the same stream with a property that reads each evaluation as it
 * comes, so its failure carries fast-check's seed and path: `fc.check(property, { seed, path })`
 * replays it. Nothing is kept per point: each evaluation goes to `onEvaluation` and is dropped.
 * Points that fail a hypothesis are skipped with `fc.pre`; an evaluation stopped at its time or
 * memory limit spends its run (the tally counts it).
 */
import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
import type { Claim } from '../claims/claim.js';
import { boxArbitrary, type Instance, type ParameterBox, type Params } from '../claims/family.js';
import type { Evaluation } from '../claims/evaluate.js';
import { isViolation } from './tally.js';

export interface RandomStageOptions {
  readonly seed: number;
  readonly numRuns: number;
}

/**
 * How the random stage gets its evaluations: `evaluateBatch` evaluates points in order and may
 * return fewer than asked when the search was stopped (time limit); `batchSize` is how many points
 * it is worth asking for at once.
 */
export interface BatchEvaluator {
  evaluateBatch(points: readonly Params[]): Evaluation[];
  readonly batchSize: number;
}

export interface RandomStageResult {
  /** Evaluations the property consumed (points after the failure or the last run are not counted). */
  readonly evaluations: number;
  /** The first failing run as fast-check reports it, when there is one. */
  readonly failure?: { readonly evaluation: Evaluation; readonly path: string };
  readonly numRuns: number;
  readonly numSkips: number;
  /** True when the evaluator stopped before the stage ended. */
  readonly stopped: boolean;
}

/**
 * The stream of points fast-check draws for `seed`: its own steps (jump the generator, generate
 * with the run index as bias factor) with the public `Random` and property API, lazily.
 */
export function* randomPoints(box: ParameterBox, seed: number): Generator<Params> {
  const generator = fc.property(boxArbitrary(box), () => true);
  const rng = xorshift128plus(seed | 0);
  for (let index = 0; ; index++) {
    rng.jump();
    yield (generator.generate(new fc.Random(rng), index).value as [Params])[0];
  }
}

/** The first `count` points of the stream (what `--shard` splits). */
export function firstRandomPoints(box: ParameterBox, seed: number, count: number): Params[] {
  const points: Params[] = [];
  for (const params of randomPoints(box, seed)) {
    if (points.length >= count) break;
    points.push(params);
  }
  return points;
}

/** The largest batch asked for while every point of the batches before was discarded. */
const MAX_BATCH = 1024;

/** Discarded points are skipped (fast-check draws another); a stopped evaluation spends its run. */
const isSkipped = (e: Evaluation): boolean => e.status === 'discarded';

/** Thrown inside the property to end `fc.check` when the evaluator was stopped. */
class StageStopped extends Error {}

const sameParams = (a: Params, b: Params): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
};

export function randomStage(
  claim: Claim<Instance>,
  options: RandomStageOptions,
  evaluator: BatchEvaluator,
  onEvaluation: (evaluation: Evaluation) => void,
): RandomStageResult {
  const stream = randomPoints(claim.family.box, options.seed);
  let ahead: Evaluation[] = [];
  let batchSize = evaluator.batchSize;
  let next = 0;
  let stopped = false;
  let consumed = 0;
  let failing: Evaluation | undefined;
  const take = (params: Params): Evaluation => {
    if (next === ahead.length && !stopped) {
      // A batch spent on discarded points only asks for twice as many next time: a hypothesis that
      // rejects most of the box costs few round trips, and no more points are evaluated ahead
      // than discards would consume.
      batchSize = ahead.length > 0 && ahead.every(isSkipped) ? Math.min(2 * batchSize, MAX_BATCH) : evaluator.batchSize;
      const points: Params[] = [];
      for (let k = 0; k < batchSize; k++) points.push(stream.next().value as Params);
      ahead = evaluator.evaluateBatch(points);
      next = 0;
      if (ahead.length < points.length) stopped = true;
    }
    if (next === ahead.length) throw new StageStopped();
    const evaluation = ahead[next++];
    if (!sameParams(evaluation.params, params)) throw new Error('the random stage left fast-check\'s stream of points');
    consumed++;
    onEvaluation(evaluation);
    return evaluation;
  };
  const property = fc.property(boxArbitrary(claim.family.box), (params) => {
    const evaluation = take(params);
    fc.pre(!isSkipped(evaluation));
    if (isViolation(evaluation)) failing = evaluation;
    return !isViolation(evaluation);
  });
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    endOnFailure: true,
    maxSkipsPerRun: 1000,
  });
  if (details.failed && !failing && !(details.errorInstance instanceof StageStopped) && details.errorInstance) {
    throw details.errorInstance;
  }
  return {
    evaluations: consumed,
    ...(failing && details.counterexamplePath ? { failure: { evaluation: failing, path: details.counterexamplePath } } : {}),
    numRuns: details.numRuns,
    numSkips: details.numSkips,
    stopped,
  };
}

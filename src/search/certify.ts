/**
 * Certification of a float64 violation. A statement about a run is replayed in exact-GD
 * arithmetic, first in double-double ball arithmetic (src/gd/runBall.ts) when the problem has a
 * ball model, or else a shadow model (src/problems/shadowModel.ts: midpoints replayed without
 * radii, the distance to the exact run bounded a posteriori): when every value the replay hands on
 * in float64 is its exact value rounded to nearest (each ball inside one rounding interval), the
 * claim is evaluated on that trajectory and on the trajectories of the balls' lower and upper ends,
 * and the certificate states the hulls of lhs, rhs and margin; it is certified when the margin
 * keeps the counterexample's status at all three, and `inconclusive` when all three hold (the
 * float64 violation is rounding error).
 * Otherwise (no ball or shadow model, a ball that straddles a rounding boundary or overflows, a
 * shadowing bound grown too wide, ends that disagree), or when asked (`method: 'bignumber'`), the
 * counterexample is replayed in BigNumber
 * arithmetic at two precisions and certified only when, at both, the normalized margin still
 * exceeds the tolerance with the same status, and the two replays agree on the left-hand side to
 * 1e-12 relative (its leading digits are settled). Either replay re-evaluates the whole claim, so a
 * rhs that reads the run reads the replayed run. Pointwise statements have no rounding that
 * accumulates, and statistical ones carry their sampling error in the claim, so the tolerance
 * alone certifies them; but a statistical measure's confidence bound is corrected over its own
 * count of instances (`comparisons`, default 1000), and a larger search picks its worst sample out
 * of more: the violation is re-evaluated with the correction over the search's size (`searchSize`:
 * the instances its stages may evaluate, whether or not it stopped at a first failure, and those its
 * simplification evaluated) and certified only when it survives that.
 */
import type { Claim } from '../claims/claim.js';
import { evaluateClaim, type Evaluation } from '../claims/evaluate.js';
import type { Instance } from '../claims/family.js';
import type { Runner } from '../claims/measures.js';
import { ballReplayKind, replayInBalls, type BallReplay } from '../gd/runBall.js';
import { runHighPrecision } from '../gd/runHighPrecision.js';
import type { Trajectory } from '../gd/trajectory.js';

export const CERTIFICATION_DIGITS = [40, 80] as const;
/** Relative agreement required between the lhs of the two replays. */
export const DIGITS_AGREEMENT = 1e-12;

/** `auto`: ball (or shadow) double-double first, BigNumber when it cannot decide; `bignumber`: BigNumber only (a second opinion). */
export type CertificationMethod = 'auto' | 'bignumber';

/** One BigNumber replay. */
export interface Replay {
  readonly digits: number;
  readonly lhs: number;
  readonly rhs: number;
  readonly margin: number;
  readonly status: Evaluation['status'];
}

/** What a ball or shadow double-double replay proves: closed intervals (float64, rounded outwards) holding each side and the margin. */
export interface Enclosure {
  readonly lhs: readonly [number, number];
  readonly rhs: readonly [number, number];
  readonly margin: readonly [number, number];
  /** The largest radius of a recorded value (gap, gradient norm, distance) relative to the value. */
  readonly maxRelativeRadius: number;
}

/** The two double-double replays: on a ball model, or on a shadow model. */
export type BallMethod = 'ball double-double' | 'shadow double-double';

export interface Certificate {
  readonly status: 'certified' | 'inconclusive';
  readonly method: BallMethod | 'high-precision replay' | 'pointwise' | 'statistical';
  readonly tolerance: number;
  /** The BigNumber replays (none when a double-double replay decided). */
  readonly replays: readonly Replay[];
  /** The double-double replay's intervals, when it decided. */
  readonly enclosure?: Enclosure;
  /** A statistical certificate's Bonferroni count: the measure's own, or the search's size when larger. */
  readonly comparisons?: number;
  readonly reason: string;
}

function agree(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= DIGITS_AGREEMENT * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * `method`: how a run is replayed; `searchSize`: the number of instances the search that found the
 * counterexample may test (a statistical violation must be significant over all of them).
 */
export interface CertifyOptions {
  readonly method?: CertificationMethod;
  readonly searchSize?: number;
}

export function certify(claim: Claim<Instance>, counterexample: Evaluation, tolerance: number, options: CertifyOptions = {}): Certificate {
  if (claim.lhs.certification === 'statistical') return statisticalCertificate(claim, counterexample, tolerance, options.searchSize);
  if (claim.lhs.certification === 'pointwise') {
    return {
      status: 'certified',
      method: 'pointwise',
      tolerance,
      replays: [],
      reason: `pointwise statement (no accumulated rounding); margin ${counterexample.margin} exceeds the tolerance`,
    };
  }
  const problem = claim.family.instance(counterexample.params).problem;
  let fallback = '';
  const kind = ballReplayKind(problem);
  if (kind && options.method !== 'bignumber') {
    const method: BallMethod = kind === 'ball' ? 'ball double-double' : 'shadow double-double';
    const ball = ballCertificate(claim, counterexample, tolerance, method);
    if ('status' in ball) return ball;
    fallback = `${method} undecided (${ball.undecided}), so replayed in BigNumber: `;
  }
  if (!problem.highPrecision) {
    return {
      status: 'inconclusive',
      method: 'high-precision replay',
      tolerance,
      replays: [],
      reason: `${fallback}${problem.name} has no high-precision model, so the float64 violation cannot be replayed; define the family from a mathjs expression to certify it`,
    };
  }
  const replays: Replay[] = CERTIFICATION_DIGITS.map((digits) => {
    const e = evaluateClaim(claim, counterexample.params, { run: runHighPrecision(digits), tolerance });
    return { digits, lhs: e.lhs, rhs: e.rhs, margin: e.margin, status: e.status };
  });
  const lost = replays.find((r) => r.status !== counterexample.status);
  if (lost) {
    return {
      status: 'inconclusive',
      method: 'high-precision replay',
      tolerance,
      replays,
      reason: `${fallback}at ${lost.digits} digits the margin is ${lost.margin} (${lost.status}): the float64 violation is rounding error`,
    };
  }
  const [low, high] = replays;
  if (!agree(low.lhs, high.lhs)) {
    return {
      status: 'inconclusive',
      method: 'high-precision replay',
      tolerance,
      replays,
      reason: `${fallback}the ${low.digits}- and ${high.digits}-digit replays disagree on the lhs (${low.lhs} vs ${high.lhs})`,
    };
  }
  return {
    status: 'certified',
    method: 'high-precision replay',
    tolerance,
    replays,
    reason: `${fallback}the margin keeps its sign and leading digits at ${low.digits} and ${high.digits} digits`,
  };
}

/**
 * A statistical violation: certified by its margin, which carries the sampling error at the
 * measure's correction, when the search's size is no larger than the count of that correction;
 * otherwise re-evaluated with the correction over the `searchSize` and certified only when
 * it keeps its status there.
 */
function statisticalCertificate(claim: Claim<Instance>, counterexample: Evaluation, tolerance: number, searchSize: number | undefined): Certificate {
  const base = { method: 'statistical' as const, tolerance, replays: [] };
  const why = 'statistical statement over seeded samples (sampling error is in the claim)';
  const counted = counterexample.statistics?.comparisons;
  if (searchSize === undefined || counted === undefined || searchSize <= counted) {
    const over = counted === undefined ? '' : ` (Bonferroni over ${counted} instances${searchSize === undefined ? '' : ', as many as the search may test or more'})`;
    return { ...base, ...(counted !== undefined ? { comparisons: counted } : {}), status: 'certified', reason: `${why}; margin ${counterexample.margin} exceeds the tolerance${over}` };
  }
  const corrected = evaluateClaim(claim, counterexample.params, { tolerance, comparisons: searchSize });
  const stated = `margin ${counterexample.margin} with Bonferroni over the measure's ${counted} instances, ${corrected.margin} over the search's ${searchSize}`;
  return corrected.status === counterexample.status
    ? { ...base, comparisons: searchSize, status: 'certified', reason: `${why}; ${stated}, which exceeds the tolerance` }
    : { ...base, comparisons: searchSize, status: 'inconclusive', reason: `${why}; ${stated} (${corrected.status}): not significant over the whole search` };
}

/** The replay's trajectory with every recorded series at its lower or upper bound. */
function atBound(replay: BallReplay, side: 'lower' | 'upper'): Trajectory {
  return {
    ...replay.trajectory,
    gap: replay.gap[side],
    gradNorm: replay.gradNorm[side],
    ...(replay.distance ? { distance: replay.distance[side] } : {}),
  };
}

/** The ball (or shadow) double-double certificate, or why the balls cannot decide. */
function ballCertificate(claim: Claim<Instance>, counterexample: Evaluation, tolerance: number, method: BallMethod): Certificate | { undecided: string } {
  const replays: BallReplay[] = [];
  const replaying: Runner = (problem, schedule, x0, runOptions) => {
    const replay = replayInBalls(problem, schedule, x0, runOptions);
    replays.push(replay);
    // An undecided replay stopped early: the claim must not read its partial run.
    if (!replay.decided) throw new Error(`undecided at ${replay.undecided}`);
    return replay.trajectory;
  };
  let midpoint: Evaluation;
  try {
    midpoint = evaluateClaim(claim, counterexample.params, { run: replaying, tolerance });
  } catch (error) {
    const open = replays.find((r) => !r.decided);
    if (open) return { undecided: `the ball of ${open.undecided} straddles a rounding boundary` };
    throw error;
  }
  /** The same runs, read at one end of their balls (the claim makes the same runs in the same order). */
  const readAt = (side: 'lower' | 'upper'): Runner => {
    let next = 0;
    return () => atBound(replays[next++], side);
  };
  let evaluations: Evaluation[];
  try {
    evaluations = [midpoint, ...(['lower', 'upper'] as const).map((side) => evaluateClaim(claim, counterexample.params, { run: readAt(side), tolerance }))];
  } catch (error) {
    // e.g. a bound that takes the log of a gap whose ball reaches below 0
    return { undecided: `the claim cannot be evaluated at the balls' ends: ${error instanceof Error ? error.message : String(error)}` };
  }
  const hull = (pick: (e: Evaluation) => number): [number, number] => {
    const values = evaluations.map(pick);
    return [Math.min(...values), Math.max(...values)];
  };
  const enclosure: Enclosure = {
    lhs: hull((e) => e.lhs),
    rhs: hull((e) => e.rhs),
    margin: hull((e) => e.margin),
    maxRelativeRadius: Math.max(...replays.map((r) => r.maxRelativeRadius)),
  };
  const intervals = `lhs in [${enclosure.lhs.join(', ')}], rhs in [${enclosure.rhs.join(', ')}], margin in [${enclosure.margin.join(', ')}]`;
  const base = { method, tolerance, replays: [], enclosure };
  if (evaluations.every((e) => e.status === counterexample.status)) {
    return { ...base, status: 'certified', reason: `${method} replay: ${intervals}, above the tolerance ${tolerance} throughout` };
  }
  if (evaluations.every((e) => e.status === 'holds')) {
    return { ...base, status: 'inconclusive', reason: `${method} replay: ${intervals}, at or below the tolerance ${tolerance}: the float64 violation is rounding error` };
  }
  return { undecided: `the margin's ends ${enclosure.margin.join(' and ')} fall on both sides of the tolerance` };
}

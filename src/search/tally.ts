/**
 * What a search keeps of its evaluations, in constant memory whatever the budget: counts, discards
 * per hypothesis, stopped evaluations (a few kept for replay), the worst point, the largest
 * violation, the tightness, and the few best points the adversarial stage starts from. Evaluations
 * are added in search order; ties keep the earliest, as a stable sort of every evaluation would.
 */
import type { Claim } from '../claims/claim.js';
import type { Evaluation } from '../claims/evaluate.js';
import type { Instance, Params } from '../claims/family.js';
import { adversarialScore, isDegenerate } from './adversarial.js';

/** Relative excess of lhs over rhs still read as "on the bound" when computing tightness. */
const ROUNDING_SLACK = 1e-9;

/** Stopped evaluations kept for replay in the report. */
const KEPT_STOPPED = 10;

export const isViolation = (e: Evaluation): boolean => e.status === 'violated' || e.status === 'diverged';
export const isStopped = (e: Evaluation): boolean => e.status === 'timeout' || e.status === 'out-of-memory';

/** An evaluation stopped at a limit (or not made, the search being stopped): no sides, no margin. */
export function stoppedEvaluation(params: Params, status: 'timeout' | 'out-of-memory'): Evaluation {
  return { params, status, lhs: NaN, rhs: NaN, margin: -Infinity };
}

export interface StoppedEvaluations {
  readonly timeout: number;
  readonly outOfMemory: number;
  /** The first few, with their parameters, to replay. */
  readonly kept: ReadonlyArray<{ readonly params: Params; readonly status: 'timeout' | 'out-of-memory' }>;
}

export class Tally {
  count = 0;
  discarded = 0;
  readonly discardedBy: Record<string, number> = {};
  worst: Evaluation | undefined;
  worstViolation: Evaluation | undefined;
  private tightest: number | undefined;
  private readonly stoppedCounts = { timeout: 0, outOfMemory: 0 };
  private readonly keptStopped: Array<{ params: Params; status: 'timeout' | 'out-of-memory' }> = [];
  /** The best scored points, best first by the adversarial stage's score (its starts). */
  readonly best: Evaluation[] = [];

  constructor(
    private readonly claim: Claim<Instance>,
    private readonly keepBest: number,
  ) {}

  add(e: Evaluation): void {
    this.count++;
    if (e.failedHypothesis) this.discardedBy[e.failedHypothesis] = (this.discardedBy[e.failedHypothesis] ?? 0) + 1;
    if (isStopped(e)) {
      this.stoppedCounts[e.status === 'timeout' ? 'timeout' : 'outOfMemory']++;
      if (this.keptStopped.length < KEPT_STOPPED) this.keptStopped.push({ params: e.params, status: e.status as 'timeout' | 'out-of-memory' });
    }
    if (e.status === 'discarded' || isStopped(e)) {
      this.discarded += e.status === 'discarded' ? 1 : 0;
      return;
    }
    if (!this.worst || e.margin > this.worst.margin) this.worst = e;
    if (isViolation(e) && (!this.worstViolation || e.margin > this.worstViolation.margin)) this.worstViolation = e;
    this.addTightness(e);
    this.addBest(e);
  }

  /** Scored points: neither discarded nor stopped. */
  get scored(): number {
    return this.count - this.discarded - this.stoppedCounts.timeout - this.stoppedCounts.outOfMemory;
  }

  get stopped(): StoppedEvaluations {
    return { timeout: this.stoppedCounts.timeout, outOfMemory: this.stoppedCounts.outOfMemory, kept: [...this.keptStopped] };
  }

  /**
   * max lhs/rhs (upper) or rhs/lhs (lower) over the points where the claim held, capped at 1 (a
   * point on the bound up to rounding). Points clearly past a bound that still held (within the
   * tolerance of the claim's scale, e.g. a bound of 1e-17 met by a gap of 1e-15) say nothing about
   * tightness and are left out.
   */
  get tightness(): number | undefined {
    return this.tightest;
  }

  private addTightness(e: Evaluation): void {
    if (e.status !== 'holds' || e.censored || isDegenerate(e)) return;
    const ratio = this.claim.kind === 'upper' ? e.lhs / e.rhs : e.rhs / e.lhs;
    if (!Number.isFinite(ratio) || ratio > 1 + ROUNDING_SLACK) return;
    if (this.tightest === undefined || ratio > this.tightest) this.tightest = Math.min(1, ratio);
  }

  /** Ranked as the adversarial stage ranks its starts; degenerate points are never kept. */
  private addBest(e: Evaluation): void {
    const score = adversarialScore(this.claim, e);
    if (this.keepBest === 0 || score === -Infinity) return;
    const scoreAt = (i: number): number => adversarialScore(this.claim, this.best[i]);
    if (this.best.length === this.keepBest && !(score > scoreAt(this.best.length - 1))) return;
    let at = this.best.length;
    while (at > 0 && scoreAt(at - 1) < score) at--;
    this.best.splice(at, 0, e);
    if (this.best.length > this.keepBest) this.best.pop();
  }
}

/**
 * §3.8 (our reading). The practical one-parameter warm-up eta_t = eta_peak / (1 + C l_t), read from
 * the current loss l_t = f(w_t), keeps the sufficient decrease of Eq. (1) when f* >= 0.
 *
 * Result [R]: the notes record a one-parameter schedule built from §3.3 that reads only the current
 * loss, its formula not recovered; their guess is eta_t = eta_peak / (1 + C l_t). With
 * eta_peak = 1/(10 H0) and C = 2 H1 / H0 it is 1/(10 H0 + 20 H1 f(w_t)), at most Eq. (1)'s step
 * 1/(10 H0 + 20 H1 (f(w_t) - f*)) when f* >= 0, so the sufficient decrease of CS4 carries over:
 * Delta_{t+1} <= Delta_t - eta_t/2 ||grad f(w_t)||^2. Checked as in CS4.
 * Hypotheses: (H0,H1)-smooth, f* >= 0 (all of T1-T6: f* = 0, or the ridge losses' positive minima).
 * The family: the T1-T6 examples started up to 8 length scales from the minimizer, 1..100 steps.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v1 around line 443 and the v2
 * abstract ("one-parameter warm-up schedule") (warmup-h0h1.md §3.8 [S-R, P]); the formula is the
 * notes' guess.
 * Provenance: derived [R] (our reading, not the paper's formula).
 * Broken twin: eta_peak = 1/(10 H0) -> 4/H0 (beyond 2/H0 the step overshoots near the minimum).
 */
import { brokenTwin, claim, mapFamily, schedule, trajectoryMeasure } from '../../src/index.js';
import { adaptiveRuns, EXAMPLES } from './_families.js';
import { worstDecreaseViolation } from './CS4-sufficient-decrease.js';

const practicalRuns = (peakTimesH0: number) =>
  mapFamily(adaptiveRuns(EXAMPLES, { horizon: 100 }), `T1-T6 under eta_t = eta_peak/(1 + C f(w_t)), eta_peak = ${peakTimesH0}/H0, C = 2 H1/H0`, (instance) => ({
    ...instance,
    schedule: schedule(`practical(peak=${peakTimesH0}/H0, C=2H1/H0)`, (_t, state) => peakTimesH0 / instance.H0 / (1 + ((2 * instance.H1) / instance.H0) * state.f)),
  }));

const practical = claim({
  id: 'alimisis2025.S3.8',
  title: '[R, our reading] practical warm-up eta_peak/(1 + C l_t), eta_peak = 1/(10 H0), C = 2 H1/H0: Delta_{t+1} <= Delta_t - eta_t/2 ||grad f(w_t)||^2',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'practical one-parameter schedule (warmup-h0h1.md §3.8), our reading',
    version: 'v2',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: practicalRuns(0.1),
  lhs: trajectoryMeasure('max_t (Delta_{t+1} - Delta_t + eta_t/2 ||g_t||^2) / Delta_t', worstDecreaseViolation(0.5)),
  rhs: () => 0,
  rhsLabel: '0',
  hypotheses: [{ name: 'f* >= 0', holds: (instance) => instance.problem.fStar >= 0 }],
  scale: () => 1,
  expected: 'holds',
});
export default practical;

export const twin = brokenTwin(practical, { mutation: 'eta_peak = 1/(10 H0) -> 4/H0', family: practicalRuns(4) });

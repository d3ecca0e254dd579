/**
 * §3.7 (our reconstruction), positive control: without interpolation the SGD contraction fails.
 *
 * Result [R]: the statement of S3.7, E||x_T - x*||^2 <= (1 - mu eta)^T ||x_0 - x*||^2 for minibatch
 * SGD with step eta = 1/max_i ||a_i||^2, on least squares whose targets are inconsistent
 * (b = A x_true + noise, so the f_i do not share a minimizer): the stochastic gradients do not vanish
 * at x*, the iterates keep a variance of order eta times the gradient noise at x*, and the bound,
 * which goes to 0, fails. It is the notes' "convergence in the stochastic setting requires the
 * interpolation condition" (warmup-h0h1.md §3.7, reviewer 1 [S-R]), expected violated: its own
 * positive control.
 * Hypotheses: A of full column rank. The family: as S3.7 with noise of scale 0.3..1 on the targets.
 * Statistical: as S3.7.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v1 (warmup-h0h1.md §3.7).
 * Provenance: derived [R].
 */
import { claim } from '../../src/index.js';
import { leastSquaresSgd } from '../sgd/_families.js';
import interpolation, { contraction, interpolationSource } from './S3.7-sgd-interpolation.js';

const withoutInterpolation = claim({
  ...interpolation,
  id: 'alimisis2025.S3.7b',
  title: '[R, our reconstruction] without interpolation (inconsistent least squares) the SGD contraction of S3.7 fails',
  source: interpolationSource,
  family: leastSquaresSgd(false),
  rhs: contraction,
  expected: 'violated',
  finding: {
    group: 'control',
    text: 'Our reconstruction of the SGD extension (alimisis2025.S3.7, which holds under interpolation) on inconsistent least squares: without interpolation the contraction fails, as the reviewers\' remark that the stochastic result needs interpolation says. Quantifier: the expectation over seeded repetitions, one-sided 95% confidence with Bonferroni.',
  },
});
export default withoutInterpolation;

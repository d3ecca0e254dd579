/**
 * C5(e). Theorem 1 needs a small constant c: with c close to 1 its conclusion fails.
 *
 * Statement checked: the conclusion of Theorem 1, min_{0 <= t < T} ||grad f(w_t)||^2
 * <= 2 (f(w_0) - f*) / sum_{t<T} eta_t, for the Theorem-1 step with any c in [1/2, 1].
 * Finding: refuted; the printed step leaves c unspecified, so this constrains c rather than refutes
 * the paper. On cosh x - 1 ((1, 1, 1)-smooth) from x_0 = arccosh(4/3) (Delta_0 = 1/3, so
 * eta_0 = c), with T = 1: ||grad f(w_0)||^2 = sinh(x_0)^2 = 7/9 against 2 Delta_0 / eta_0 = 2/(3c),
 * a violation for every c > 6/7 (at c = 1 the ratio is 7/6); in general the ratio is
 * c (1 + Delta_0 / 2) for Delta_0 <= 1/3, so Theorem 1 on this row needs c <= 6/7. The digest
 * derives the descent behind it for c <= 1/2, where C5(c) holds.
 * Hypotheses: as C5(c), with c log-uniform in [3/4, 1] and T = 1..3 (the failure is at T = 1: with
 * c near 1 the next gradients are much smaller).
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Theorem 1; digest section 3.2
 * (the value of c "was not given") and section 6, C5.
 * Provenance: the bound [S] (from a third-party formalization), the range of c ours.
 * Expected: violated (its own positive control).
 */
import { claim } from '../../src/index.js';
import theorem1 from './C5c-theorem-1-min-gradient.js';
import { liu2025Source, theorem1Runs } from './_families.js';

export default claim({
  ...theorem1,
  id: 'liu2025.C5e',
  title: 'Theorem 1 with 3/4 <= c <= 1: min_{t<T} ||grad f(w_t)||^2 <= 2 (f(w_0) - f*) / sum_{t<T} eta_t (refuted for c > 6/7)',
  source: liu2025Source('Theorem 1 (digest C5, value of c)', 'secondary', '[S] bound, c in [3/4, 1] ours'),
  family: theorem1Runs({ cMax: 1, cMin: 0.75, maxSteps: 3 }),
  expected: 'violated',
  finding: {
    group: 'pinned-down',
    text: 'Theorem 1\'s step c min{1/K0, 1/(3^rho Krho gap^rho)} leaves c open, and its conclusion min_t ||grad||^2 <= 2 Delta0 / sum_t eta_t fails for every c > 6/7 (cosh x - 1 from x0 = arccosh(4/3), T = 1: 7/9 against 2/(3c)). Quantifier: for every instance with c in [3/4, 1] and T = 1..3 on the rows of C5(c). A constraint on c, not a refutation: it holds for c <= 1/2 (liu2025.C5c).',
  },
});

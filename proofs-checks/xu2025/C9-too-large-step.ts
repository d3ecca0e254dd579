/**
 * C9. Too large a step: the loss can increase (the regime the paper excludes), a positive control.
 *
 * Result: the descent lemma (C5) gives a decrease only while eta_t K_t(eta_t) < 2; beyond, the loss
 * can increase or diverge. Encoded as the statement the paper does not make, "GD with
 * eta_t K_t(eta_t) = c in [3, 8] never increases the loss", expected violated: its own positive
 * control (a check that finds no increase there would show the step or the loss code wrong).
 * Hypotheses: none (the regime outside the paper's). The family: the two-layer nets of C5, T = 1..30
 * steps with eta_t K_t(eta_t) = c.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1; digest §5, C9.
 * Provenance: derived [R].
 */
import { claim } from '../../src/index.js';
import { adaptiveRuns, maxOverSteps } from './_families.js';

export default claim({
  id: 'xu2025.C9',
  title: 'Two-layer linear nets, eta_t K_t(eta_t) in [3, 8] (outside the paper): the loss never increases (fails)',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'step-size condition eta K_t < 2 (digest §5, C9)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: adaptiveRuns({ min: 3, max: 8 }, { min: 1, max: 30 }),
  lhs: maxOverSteps('max_t (gap_{t+1} - gap_t) / max(gap_t, 1e-300)', (step) => (step.nextGap - step.gap) / Math.max(step.gap, 1e-300)),
  rhs: () => 0,
  rhsLabel: '0',
  scale: () => 1,
  expected: 'violated',
  finding: {
    group: 'control',
    text: 'Steps with eta_t K_t(eta_t) in [3, 8], outside the range where the descent lemma gives a decrease: the loss increases, as expected. Quantifier: for every instance of the family (the two-layer nets of C5, T = 1..30).',
  },
});

/**
 * CS10b. With changing minibatches the printed proxy L-hat_k is not bounded by the smoothness
 * constant: a positive control.
 *
 * Result: L-hat_k = ||grad f_{S_k}(w_{k+1}) - grad f_{S_{k-1}}(w_k)|| / ||w_{k+1} - w_k|| with
 * S_k != S_{k-1} carries the difference of two minibatch gradients at almost the same point, which
 * does not vanish as the step shrinks, so the proxy is dominated by minibatch noise. The notes record
 * a third-party calibration: the proxy ranged from 2,832 to 28,490 where ||Hess f|| was about 0.603
 * (warmup-h0h1.md §5 (a) [S-A]). Encoded as the bound of CS10, L-hat_k <= L, with the batches of two
 * consecutive SGD steps, expected violated.
 * Hypotheses: as CS10, batches of 1..4 rows drawn without replacement, independently at each step.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2 Section 3.2; warmup-h0h1.md §5 (a).
 * Provenance: secondary, [S-A].
 */
import { claim, pointwise } from '../../src/index.js';
import proxy from './CS10-smoothness-proxy.js';
import { smoothnessProxy, type ProxyInstance } from './_families.js';

export default claim({
  ...proxy,
  id: 'alimisis2025.CS10b',
  title: 'Section 3.2 proxy with changing minibatches S_{k-1} != S_k: L-hat_k <= L fails (minibatch noise)',
  source: { ...proxy.source, tag: '[S-A]' },
  lhs: pointwise('L-hat_k (changing minibatches)', (instance: ProxyInstance) => smoothnessProxy(instance, true)),
  expected: 'violated',
  finding: {
    group: 'control',
    text: 'The Section 3.2 proxy L-hat_k with changing minibatches against the smoothness constant: it exceeds L, since it carries the difference of two minibatch gradients at nearly the same point (the notes record a third-party calibration with the proxy at 2,832 to 28,490 where ||Hess f|| was about 0.603). Quantifier: for every instance of CS10\'s family with batches of 1..4 rows.',
  },
});

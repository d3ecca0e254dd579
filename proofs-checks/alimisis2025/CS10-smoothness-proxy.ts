/**
 * CS10. The printed local-smoothness proxy L-hat_k, with the same batch on both sides, is at most
 * the smoothness constant.
 *
 * Result: Section 3.2 estimates the local smoothness along training by
 *   L-hat_k = ||grad f_{S_k}(w_{k+1}) - grad f_{S_{k-1}}(w_k)|| / ||w_{k+1} - w_k||.
 * With one and the same batch S on both sides (full batch, or a fixed batch) and f_S L_S-smooth,
 * L-hat_k <= L_S, the mean-value theorem for the gradient; on least squares with the full batch,
 * L-hat_k <= lambda_max(A^T A / n). Checked at one SGD step w_{k+1} = w_k - eta grad f(w_k).
 * Hypotheses: the same (full) batch at both points. The family: least squares with n = 8..24
 * Gaussian rows in d = 1..4, consistent or not, w_k ~ N(0, I), step h/L with h in [0.05, 1].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2 Section 3.2 (the proxy as
 * displayed, warmup-h0h1.md §5 (a), [S]); digest §6, CS10.
 * Provenance: secondary, [S] (the display from a secondary source); the bound is the definition of
 * smoothness. CS10b: with changing minibatches the proxy is no such bound.
 * Broken twin: L -> L/2.
 */
import { brokenTwin, claim, pointwise } from '../../src/index.js';
import { proxyInstances, smoothnessProxy, type ProxyInstance } from './_families.js';

const proxy = claim({
  id: 'alimisis2025.CS10',
  title: 'Section 3.2 proxy with the full batch on both sides: ||grad f(w_{k+1}) - grad f(w_k)|| / ||w_{k+1} - w_k|| <= L',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Section 3.2, the local-smoothness proxy (warmup-h0h1.md §5 (a))',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S]',
  },
  kind: 'upper',
  family: proxyInstances,
  lhs: pointwise('L-hat_k (full batch)', (instance: ProxyInstance) => smoothnessProxy(instance, false)),
  rhs: (instance) => instance.L,
  rhsLabel: 'L = lambda_max(A^T A / n)',
  expected: 'holds',
});
export default proxy;

export const twin = brokenTwin(proxy, {
  mutation: 'L -> L/2',
  rhs: (instance) => instance.L / 2,
  rhsLabel: 'L/2',
});

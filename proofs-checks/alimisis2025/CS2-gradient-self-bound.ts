/**
 * CS2. The gradient self-bound of (H0,H1)-smooth functions.
 *
 * Result: if f is (H0,H1)-smooth on all of R^d, then ||grad f(w)||^2 <= 2 H0 (f(w) - f*) +
 * H1 (f(w) - f*)^2 (compare phi'' <= H0 + H1 phi with the cosh solution along the ray
 * s -> w - s grad f / ||grad f||, and require phi >= 0). Equality holds at every point of the 1-D
 * extremal function T2 and on the axes of its separable sums, so T2 makes it sharp.
 * Hypotheses: Definition 3.1 on R^d with the examples' constants (CS1). The family: the T1-T6
 * examples of the digest at points up to 8 length scales from the minimizer.
 * Reference: a consequence of Definition 3.1 of Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164,
 * v2, derived in the digest (section 2, "Useful consequences for testing").
 * Provenance: derived, [D] (not the paper's).
 * Broken twin: 2 H0 -> H0 (violated near every minimizer where the gradient is PL-tight).
 */
import { gradientSelfBound } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim, pointwise } from '../../src/index.js';
import { examplesAtAPoint, gapAtPoint as gap, squaredGradientNormAtPoint as squaredGradientNorm, type H0H1Point } from './_families.js';

/**
 * The gradient self-bound at a point of any (H0,H1)-smooth function with its pair, whatever the
 * family of such points: the sides, the kind and the expected verdict (shared with class-CS2).
 */
export const selfBoundStatement = {
  kind: 'upper',
  lhs: pointwise('||grad f(w)||^2', squaredGradientNorm),
  rhs: (instance: H0H1Point) => gradientSelfBound({ H0: instance.H0, H1: instance.H1, gap: gap(instance) }),
  rhsLabel: '2 H0 (f - f*) + H1 (f - f*)^2',
  expected: 'holds',
} as const;

/** The broken twin of the gradient self-bound on any family of points: 2 H0 -> H0. */
export const selfBoundTwinMutation = {
  mutation: '2 H0 -> H0',
  rhs: (instance: H0H1Point) => gradientSelfBound({ H0: instance.H0 / 2, H1: instance.H1, gap: gap(instance) }),
  rhsLabel: 'H0 (f - f*) + H1 (f - f*)^2',
} as const;

/** Where the gradient self-bound comes from, on whichever family it is checked (shared with class-CS2). */
export const selfBoundSource = {
  reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
  result: 'consequence of Definition 3.1 (digest section 2)',
  version: 'v2',
  provenance: 'derived',
  tag: '[D]',
} as const;

const selfBound = claim({
  id: 'alimisis2025.CS2',
  title: 'Gradient self-bound on the T1-T6 examples: ||grad f||^2 <= 2 H0 (f - f*) + H1 (f - f*)^2',
  source: selfBoundSource,
  family: examplesAtAPoint,
  ...selfBoundStatement,
});
export default selfBound;

export const twin = brokenTwin(selfBound, selfBoundTwinMutation);

/**
 * C2 on the class. Lemma 1 at rho = 1: an (L0,L1)-smooth f is (1, K0, K1)-smooth with the digest's
 * constants, checked at generic members of the exp/cosh class family with their exact (L0, L1).
 *
 * Result: for 0 <= rho < 2, ||Hess f|| <= L0 + Lrho ||grad f||^rho implies
 * ||Hess f(w)|| <= K0 + Kalpha (f(w) - f*)^alpha with alpha = rho/(2 - rho), K0 = (1 + 2^-rho) L0,
 * Kalpha = 2^(rho (rho + 2)/(2 - rho)) Lrho^(2/(2 - rho)); at rho = 1: alpha = 1, K0 = 3/2 L0,
 * K1 = 8 L1^2.
 * Hypotheses: (L0,L1)-smoothness, f* = inf f. Every member of `expCoshClassFamily` is (L0,L1)-smooth
 * with L0 = the largest a b^2 + c and L1 = the largest |b| over its pieces a (cosh(b t) - 1) +
 * c t^2/2 and a (e^(b t) - 1 - b t) + c t^2/2, the least such pair (src/classes/expCosh.ts [D]).
 * The family: 1 to 4 pieces of either kind, a in [1e-2, 10], |b| in [0.1, 3], c in [0, 5], exactly
 * rotated, at points in the cube [-4, 4]^d.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Lemma 1; digest
 * (warmup-rho-k0-krho.md) section 2.3.
 * Provenance: the exponent [S]; the constants [D] (the digest's own); the class constants [D].
 * Broken twin: the exponent off by one, alpha -> alpha + 1 (violated at moderate gaps on members
 * with a small amplitude a, where the curvature has grown past 3/2 L0 while the gap is below 1).
 */
import { lemma1Constants, suboptimalitySmoothnessBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim, expCoshClassFamily, gapOf, hessianNorm, pointwise, type ExpCoshInstance } from '../../src/index.js';
import { liu2025Source } from './_families.js';

const lemma1Bound = (instance: ExpCoshInstance, exponentShift: number): number => {
  const { rho, K0, Krho } = lemma1Constants({ rho: 1, L0: instance.L0, Lrho: instance.L1 });
  return suboptimalitySmoothnessBound({ rho: rho + exponentShift, K0, Krho, gap: Math.max(0, gapOf(instance.problem, instance.x0)) });
};

const lemma1OnTheClass = claim({
  id: 'liu2025.class-C2',
  title: 'Lemma 1 at rho = 1 on the exp/cosh class: ||Hess f|| <= 3/2 L0 + 8 L1^2 (f - f*)',
  source: liu2025Source('Lemma 1 (digest C2)', 'derived', '[S] exponent, [D] constants and class'),
  kind: 'upper',
  family: expCoshClassFamily(),
  lhs: pointwise('||Hess f(w)||', (instance: ExpCoshInstance) => hessianNorm(instance.problem, instance.x0)),
  rhs: (instance) => lemma1Bound(instance, 0),
  rhsLabel: '3/2 L0 + 8 L1^2 (f(w) - f*)',
  expected: 'holds',
});
export default lemma1OnTheClass;

export const twin = brokenTwin(lemma1OnTheClass, {
  mutation: 'alpha = 1 -> 2',
  rhs: (instance) => lemma1Bound(instance, 1),
  rhsLabel: '3/2 L0 + 8 L1^2 (f(w) - f*)^2',
});

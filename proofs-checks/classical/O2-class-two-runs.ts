/**
 * O2 on the class, form (d) ||x_N - y_N||^2 for two runs: contraction by rho^2 per step for every (mu, L) smooth strongly
 * convex f, gamma in (0, 2/L). Statement, family, reference and twin: see _o2Forms.ts.
 * Reference: Taylor, Hendrickx, Glineur (2018), JOTA 178, Theorem 3.3. Provenance: secondary.
 * Broken twin: the exponent 2N -> 2N + 1.
 */
import { twoRuns } from './_o2Forms.js';

export default twoRuns.claim;
export const twin = twoRuns.twin;

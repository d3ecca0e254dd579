/**
 * O2 on the class, form (b) f(x_N) - f*: contraction by rho^2 per step for every (mu, L) smooth strongly
 * convex f, gamma in (0, 2/L). Statement, family, reference and twin: see _o2Forms.ts.
 * Reference: Taylor, Hendrickx, Glineur (2018), JOTA 178, Theorem 3.3. Provenance: secondary.
 * Broken twin: the exponent 2N -> 2N + 1.
 */
import { value } from './_o2Forms.js';

export default value.claim;
export const twin = value.twin;

/**
 * Central finite differences against a problem's analytic gradient and Hessian. Each check returns
 * the relative error max|analytic - fd| / max(1, max|analytic|), which tests assert on and print.
 */
import type { Problem } from '../../src/problems/problem.js';

function stepFor(xi: number, h: number): number {
  return h * Math.max(1, Math.abs(xi));
}

/** Relative error of grad f(x) against central differences of f. */
export function gradientError(problem: Problem, x: Float64Array, h = 1e-6): number {
  const g = new Float64Array(problem.dim);
  problem.grad(x, g);
  const probe = Float64Array.from(x);
  let err = 0;
  let scale = 1;
  for (let i = 0; i < problem.dim; i++) {
    const hi = stepFor(x[i], h);
    probe[i] = x[i] + hi;
    const fp = problem.f(probe);
    probe[i] = x[i] - hi;
    const fm = problem.f(probe);
    probe[i] = x[i];
    err = Math.max(err, Math.abs(g[i] - (fp - fm) / (2 * hi)));
    scale = Math.max(scale, Math.abs(g[i]));
  }
  return err / scale;
}

/** Relative error of the dense Hessian against central differences of the analytic gradient. */
export function hessianError(problem: Problem, x: Float64Array, h = 1e-6): number {
  if (!problem.hess) throw new Error(`${problem.name} has no Hessian`);
  const d = problem.dim;
  const hess = problem.hess(x);
  const gp = new Float64Array(d);
  const gm = new Float64Array(d);
  const probe = Float64Array.from(x);
  let err = 0;
  let scale = 1;
  for (let j = 0; j < d; j++) {
    const hj = stepFor(x[j], h);
    probe[j] = x[j] + hj;
    problem.grad(probe, gp);
    probe[j] = x[j] - hj;
    problem.grad(probe, gm);
    probe[j] = x[j];
    for (let i = 0; i < d; i++) {
      err = Math.max(err, Math.abs(hess[i * d + j] - (gp[i] - gm[i]) / (2 * hj)));
      scale = Math.max(scale, Math.abs(hess[i * d + j]));
    }
  }
  return err / scale;
}

/** Relative error of the Hessian-vector product against central differences of the gradient along v. */
export function hvpError(problem: Problem, x: Float64Array, v: Float64Array, h = 1e-6): number {
  if (!problem.hvp) throw new Error(`${problem.name} has no Hessian-vector product`);
  const d = problem.dim;
  const hv = new Float64Array(d);
  problem.hvp(x, v, hv);
  const gp = new Float64Array(d);
  const gm = new Float64Array(d);
  const probe = new Float64Array(d);
  for (let i = 0; i < d; i++) probe[i] = x[i] + h * v[i];
  problem.grad(probe, gp);
  for (let i = 0; i < d; i++) probe[i] = x[i] - h * v[i];
  problem.grad(probe, gm);
  let err = 0;
  let scale = 1;
  for (let i = 0; i < d; i++) {
    err = Math.max(err, Math.abs(hv[i] - (gp[i] - gm[i]) / (2 * h)));
    scale = Math.max(scale, Math.abs(hv[i]));
  }
  return err / scale;
}

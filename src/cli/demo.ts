/**
 * `boundcheck demo`: a few classical oracles, bound against trajectory, in one table. It shows the
 * GD core reproducing known-tight values (classical-oracles.md O1, O2), the (H0,H1) warm-up against
 * the printed Theorem 4.3 count, and the large-step threshold of 1/2 (xy - 1)^2.
 */
import { classifyRun } from '../gd/classify.js';
import { run } from '../gd/run.js';
import { firstHitIteration } from '../gd/trajectory.js';
import { coshExtremal } from '../problems/cosh.js';
import { huberWorstCase } from '../problems/huber.js';
import { quadratic } from '../problems/quadratic.js';
import { scalarFactorization } from '../problems/scalarNets.js';
import { formatTable } from '../report/table.js';
import { constant, h0h1Warmup } from '../schedules/index.js';
import { formatNumber } from '../util/format.js';
import { Rng } from '../util/random.js';

interface Row {
  readonly oracle: string;
  readonly statement: string;
  readonly bound: number;
  readonly measured: number;
  readonly holds: boolean;
}

function huberRow(): Row {
  const [L, R, N, h] = [3, 1, 4, 1];
  const trajectory = run(huberWorstCase({ L, R, N, h }), constant(h / L), [R], { maxSteps: N });
  const bound = (L * R * R) / (4 * N * h + 2);
  return { oracle: 'O1 Huber worst case, L=3 R=1 N=4 h=1', statement: 'f(x_N)-f* <= LR^2/(4Nh+2)', bound, measured: trajectory.gap[N], holds: trajectory.gap[N] <= bound * (1 + 1e-12) };
}

function quadraticRow(): Row {
  const [mu, L, gamma, N] = [0.1, 1, 1, 10];
  const trajectory = run(quadratic({ eigenvalues: [mu, 0.5, L], seed: 1 }), constant(gamma), [1, -1, 0.5], { maxSteps: N });
  const rho = Math.max(Math.abs(1 - gamma * mu), Math.abs(1 - gamma * L));
  const bound = rho ** (2 * N) * trajectory.gap[0];
  return { oracle: 'O2 quadratic, spectrum {0.1,0.5,1}, gamma=1 N=10', statement: 'f(x_N)-f* <= rho^2N (f(x_0)-f*)', bound, measured: trajectory.gap[N], holds: trajectory.gap[N] <= bound };
}

function warmupRow(): Row {
  const [H0, H1, w0, eps] = [1, 1, 3, 1e-6];
  const problem = coshExtremal({ H0, H1 });
  const trajectory = run(problem, h0h1Warmup({ H0, H1 }), [w0], { maxSteps: 100_000, targetGap: eps });
  const K = firstHitIteration(trajectory, eps) ?? Infinity;
  const mu = H0;
  const bound = (40 * H1 * trajectory.gap[0]) / mu + ((20 * H0) / mu) * Math.log(H0 / (2 * H1 * eps));
  return { oracle: 'CS6 (H0,H1) warm-up on cosh, w0=3 eps=1e-6', statement: 'K(eps) <= 40H1D0/mu + 20H0/mu log(H0/(2H1 eps))', bound, measured: K, holds: K <= bound };
}

function thresholdRows(): Row[] {
  const problem = scalarFactorization({ target: 1 });
  return [0.98, 1.02].map((step) => {
    const rng = new Rng(1);
    let converged = 0;
    const starts = 200;
    for (let i = 0; i < starts; i++) {
      if (classifyRun(run(problem, constant(step), rng.normalVector(2), { maxSteps: 20_000 })) === 'converged') converged++;
    }
    const fraction = converged / starts;
    return step < 1
      ? { oracle: `O5 1/2(xy-1)^2, step ${step} (threshold 1)`, statement: 'converged fraction > 0', bound: 0, measured: fraction, holds: fraction > 0 }
      : { oracle: `O5 1/2(xy-1)^2, step ${step} (threshold 1)`, statement: 'converged fraction = 0', bound: 0, measured: fraction, holds: fraction === 0 };
  });
}

export function runDemo(): number {
  const rows = [huberRow(), quadraticRow(), warmupRow(), ...thresholdRows()];
  console.log('boundcheck demo: classical oracles, bound against exact GD trajectories\n');
  console.log(
    formatTable(
      ['oracle', 'statement', 'bound', 'measured', 'holds'],
      rows.map((r) => [r.oracle, r.statement, formatNumber(r.bound), formatNumber(r.measured), r.holds ? 'yes' : 'NO']),
    ),
  );
  return rows.every((r) => r.holds) ? 0 : 1;
}

/**
 * The linear net of the certification benchmark (tests/bench/certify.bench.ts) and of
 * scripts/shadow-reach.ts: 20 x 50 x 20 on 100 Gaussian samples (X and Y N(0, 1), seed 2026), the
 * start W = 0.1 N(0, 1) from the same stream, step 1e-4.
 */
import { twoLayerLinearNet, type FiniteSumLinearNetProblem } from '../src/problems/linearNets.js';
import { Rng } from '../src/util/random.js';

export const CERTIFICATION_NET_STEP = 1e-4;

export function certificationNet(): { net: FiniteSumLinearNetProblem; x0: number[] } {
  const rng = new Rng(2026);
  const gaussianRows = (rows: number, cols: number, scale = 1): number[][] => Array.from({ length: rows }, () => Array.from(rng.normalVector(cols, scale)));
  const net = twoLayerLinearNet({ X: gaussianRows(20, 100), Y: gaussianRows(20, 100), hidden: 50 });
  const x0 = [...gaussianRows(50, 20, 0.1).flat(), ...gaussianRows(20, 50, 0.1).flat()];
  return { net, x0 };
}

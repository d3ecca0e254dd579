/**
 * The Xu et al. (2025) claims on the linear-net class family (src/classes/linearNetData.ts):
 * two-layer nets on data of a chosen, deficient rank (rank X = r < n exactly), run with the
 * adaptive step of the other claims (_families.ts).
 */
import { integer, linearNetClassFamily, mapFamily, uniform, type Family, type Params } from '../../src/index.js';
import { adaptiveSchedule, type TwoLayerRun } from './_families.js';

/** Two-layer nets, n in 2..4, r in 1..n-1, m <= 3, h <= 5, N <= 8 samples, X scaled by 2^k, k in -3..3. */
const deficientData = linearNetClassFamily({ maxInput: 4, maxOutput: 3, maxSamples: 8, maxHidden: 5, deficient: true });

/** `deficientData` run for T <= 30 steps of GD with eta_t K_t(eta_t) = c, c in `level`. */
export function deficientRankRuns(level: { min: number; max: number }): Family<TwoLayerRun> {
  return mapFamily(
    deficientData,
    `${deficientData.name}, T steps of GD with eta_t K_t(eta_t) = c`,
    (net, { c, T }: Params): TwoLayerRun => {
      const point = { ...net, h: net.widths[0] };
      return { ...point, schedule: adaptiveSchedule(point, c), horizon: T };
    },
    { c: uniform(level.min, level.max), T: integer(1, 30) },
  );
}

/**
 * Xu, Min, Tarmoun, Mallada, Vidal (2025), "A Local Polyak-Lojasiewicz and Descent Lemma of Gradient
 * Descent For Overparametrized Linear Models", arXiv 2505.11664 (docs/theory/local-pl-linear-nets.md
 * §4), on synthetic two-layer linear nets: GD with the adaptive step eta_t K_t(eta_t) = 1 against
 * the fixed step eta_0, their gap curves and steps, and the one-step rate bound
 * rho_t = 1 - 2 mu_t eta_t + mu_t K_t eta_t^2 against the observed ratio of gaps; then the C8
 * statistics over seeded instances of the same size. The nets, the adaptive rule and the
 * constants are those of the claims (proofs-checks/xu2025/_families.ts).
 */
import { adaptiveStep, localPLConstant, oneStepRate, segmentSmoothness } from '../bounds/xu2025.js';
import { adaptiveSchedule, lossGradientAt, twoLayerPoints, weightsAt, type TwoLayerPoint } from '../proofs-checks/xu2025/_families.js';
import { LABELS, scheduleFigure, trajectoryFigure, type Series } from '../src/plot/specs.js';
import { constant, formatNumber, gapOf, run, type Schedule, type Trajectory } from '../src/index.js';
import { indices, markdownTable, Notebook, sized } from './_shared.js';

const nb = new Notebook(
  'xu2025',
  'Xu, Min, Tarmoun, Mallada, Vidal (2025): local PL and descent lemma on two-layer linear nets',
  'Reproduces section 4 of local-pl-linear-nets.md on synthetic data: GD on f(W₁, W₂) = ½‖W₂W₁X − Y‖² (Frobenius norm) with the adaptive step ηₜKₜ(ηₜ) = 1 against the fixed step η₀ (its first value), and the one-step bound ρₜ = 1 − 2μₜηₜ + μₜKₜηₜ² (μₜ the local PL constant, Kₜ the segment smoothness, both our reconstruction [R] (local-pl-linear-nets.md §3.2, §3.4), not the paper’s constants) against the observed ratio (f(Wₜ₊₁) − f*)/(f(Wₜ) − f*).',
);

// %% The reference instance: m = 2, n = 3, h = 6, N = 8, W1 ~ N(0, 1), W2 ~ 0.3 N(0, 1)
const SIZE = { m: 2, n: 3, h: 6, N: 8, scale1: 1, scale2: 0.3 };
const point = twoLayerPoints.instance({ ...SIZE, seed: 1 });
/** The reference run of local-pl-linear-nets.md §4 stops at f - f* < 1e-13. */
const target = 1e-13;
const MAX_STEPS = 3000;
const eta0 = (p: TwoLayerPoint): number => adaptiveStep({ K: p.K, weights: weightsAt(p, p.x0), G: lossGradientAt(p, p.x0) });

interface RateRun {
  readonly trajectory: Trajectory;
  /** rho_t of every step t. */
  readonly bound: number[];
  /** (f_{t+1} - f*) / (f_t - f*) of every step t. */
  readonly observed: number[];
}

/**
 * GD from the point's x0 with `rule` to the target gap, and at every step the bound rho_t (local PL
 * constant and segment smoothness at x_t, the step taken) and the observed ratio of gaps.
 */
function rateRun(p: TwoLayerPoint, rule: Schedule): RateRun {
  const trajectory = run(p.problem, rule, p.x0, { maxSteps: MAX_STEPS, targetGap: target, iterateEvery: 1 });
  const bound: number[] = [];
  const observed: number[] = [];
  for (let t = 0; t < trajectory.steps; t++) {
    const x = trajectory.iterates[t].x;
    const eta = trajectory.stepSize[t];
    const weights = weightsAt(p, x);
    const muT = localPLConstant({ mu: p.mu, weights });
    const KT = segmentSmoothness({ K: p.K, weights, G: lossGradientAt(p, x), eta });
    bound.push(oneStepRate({ muT, KT, eta }));
    observed.push(trajectory.gap[t + 1] / trajectory.gap[t]);
  }
  return { trajectory, bound, observed };
}

const fixedStep = eta0(point);
const runs = [
  { label: 'adaptive ηₜKₜ(ηₜ) = 1', ...rateRun(point, adaptiveSchedule(point, 1)) },
  { label: `fixed η₀ = ${formatNumber(fixedStep)}`, ...rateRun(point, constant(fixedStep)) },
];
const [adaptiveRun, fixedRun] = runs;
const steps = (r: RateRun) => (r.trajectory.stop === 'target' ? r.trajectory.steps : Infinity);

// %% The gap along GD: adaptive against fixed
await nb.figure(
  'gap-adaptive-vs-fixed',
  trajectoryFigure({
    title: 'Two-layer linear net: adaptive step against the fixed η₀',
    subtitle: `m = 2, n = 3, h = 6, N = 8, seeded; K = ${formatNumber(point.K)}, μ = ${formatNumber(point.mu)}`,
    series: runs.map((r) => ({ label: r.label, x: indices(r.trajectory.gap.length), y: r.trajectory.gap })),
    bound: { label: 'target 10⁻¹³', x: [0, Math.max(...runs.map((r) => r.trajectory.steps))], y: [target, target] },
    yLabel: LABELS.gap,
  }),
  {
    title: 'The gap along GD, adaptive against fixed',
    shows: `f(Wₜ) − f* (f* = l*, exact) on one seeded instance of the size of the reference run in local-pl-linear-nets.md §4 (X ∈ ℝ³ˣ⁸, Y ∈ ℝ²ˣ⁸ standard normal, W₁ ~ N(0, 1), W₂ ~ 0.3 N(0, 1); our seeded generator, not the NumPy stream of that run, so the numbers differ from its run). Adaptive: ηₜ solves ηKₜ(η) = 1; fixed: its first value η₀ at every step.`,
    numbers: [
      markdownTable(
        ['run', 'steps to f − f* < 10⁻¹³', 'η first', 'η max', 'η last'],
        runs.map((r) => {
          const eta = Array.from(r.trajectory.stepSize);
          return [r.label, steps(r), eta[0], Math.max(...eta), eta[eta.length - 1]];
        }),
      ),
      'The reference run of local-pl-linear-nets.md §4 (its own instance): adaptive 124 steps, η from 0.0235 to 0.0326 (peak 0.0329 at step 3); fixed 173 steps.',
    ],
  },
);
nb.summary(`reference instance: adaptive ${steps(adaptiveRun)} steps, fixed ${steps(fixedRun)} steps to 1e-13 (local-pl-linear-nets.md §4 instance: 124 / 173)`);

// %% The one-step bound rho_t against the observed ratio of gaps
/** Steps whose gaps are well above the float64 floor of the gap (about 1e-15 (1 + f*)), where ratios mean something. */
const resolved = (r: RateRun) => indices(r.observed.length).filter((t) => r.trajectory.gap[t + 1] > 1e-11);
const rateSeries = (r: RateRun, which: 'bound' | 'observed', label: string): Series => {
  const ts = resolved(r);
  return { label, x: ts, y: ts.map((t) => r[which][t]) };
};
const excess = (r: RateRun) => Math.max(...resolved(r).map((t) => r.observed[t] - r.bound[t]));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
await nb.figure(
  'rate-bound-vs-observed',
  trajectoryFigure({
    title: 'One-step rate: the bound ρₜ against the observed ratio',
    subtitle: 'ρₜ = 1 − 2μₜηₜ + μₜKₜηₜ² with the local PL constant μₜ and the segment smoothness Kₜ(ηₜ)',
    series: [
      rateSeries(adaptiveRun, 'bound', 'adaptive: bound ρₜ'),
      rateSeries(adaptiveRun, 'observed', 'adaptive: observed gap ratio'),
      rateSeries(fixedRun, 'bound', 'fixed: bound ρₜ'),
      rateSeries(fixedRun, 'observed', 'fixed: observed gap ratio'),
    ],
    yLabel: '(f(Wₜ₊₁) − f*) / (f(Wₜ) − f*)',
    logY: false,
  }),
  {
    title: 'The bound ρₜ against the observed rate',
    shows:
      'At every step of both runs, the observed ratio of consecutive gaps lies below the bound ρₜ (the one-step statement C6), and the adaptive step keeps the bound slightly lower than the fixed one. The bound is loose: the observed ratios are well below it. Steps whose next gap is below 10⁻¹¹ are left out (the float64 gap cannot resolve their ratio).',
    numbers: [
      markdownTable(
        ['run', 'ρ first', 'ρ last', 'median observed ratio', 'max (observed − ρₜ) over the steps (≤ 0: the bound held)'],
        runs.map((r) => {
          const ts = resolved(r);
          return [r.label, r.bound[0], r.bound[ts[ts.length - 1]], median(ts.map((t) => r.observed[t])), excess(r)];
        }),
      ),
      'The reference run of local-pl-linear-nets.md §4: ρₜ from 0.960 to 0.936 under the adaptive step, observed ratio about 0.79; about 0.85 for the fixed step; the bound held at every step.',
    ],
  },
);
nb.summary(`rate bound: adaptive ρₜ ${formatNumber(adaptiveRun.bound[0])} -> ${formatNumber(adaptiveRun.bound[resolved(adaptiveRun).at(-1)!])}, observed median ${formatNumber(median(resolved(adaptiveRun).map((t) => adaptiveRun.observed[t])))}; max excess ${formatNumber(Math.max(excess(adaptiveRun), excess(fixedRun)))}`);

await nb.figure(
  'step-sizes',
  scheduleFigure({
    title: 'The adaptive step ηₜ, solution of ηKₜ(η) = 1',
    subtitle: 'against the fixed step η₀ (its first value)',
    series: runs.map((r) => ({ label: r.label, x: indices(r.trajectory.stepSize.length), y: r.trajectory.stepSize })),
  }),
  {
    title: 'The adaptive step along the run',
    shows: 'Kₜ contains a term that shrinks with the loss, so ηₜ = 1/Kₜ can grow during training (reviewers 2 and 4 of the ICLR-2024 version, local-pl-linear-nets.md §3.5): here it rises over the first steps, then settles.',
  },
);

// %% C8 over seeded instances of the same size: is the adaptive step ahead after T steps?
const instanceCount = sized(100, 8);
const c8 = Array.from({ length: instanceCount }, (_, i) => {
  const p = twoLayerPoints.instance({ ...SIZE, seed: 1000 + i });
  const step = eta0(p);
  const fixed = run(p.problem, constant(step), p.x0, { maxSteps: MAX_STEPS, targetGap: 1e-8 * gapOf(p.problem, p.x0) });
  const horizon = fixed.steps;
  const adaptive = run(p.problem, adaptiveSchedule(p, 1), p.x0, { maxSteps: horizon });
  const eta = Array.from(adaptive.stepSize);
  return {
    ahead: adaptive.gap[adaptive.steps] <= fixed.gap[fixed.steps],
    grew: eta[eta.length - 1] > step,
    // Not monotone after a transient: the last step is more than 0.1% below the peak.
    peaked: eta[eta.length - 1] < Math.max(...eta) * (1 - 1e-3),
  };
});
const fraction = (key: 'ahead' | 'grew' | 'peaked') => c8.filter((r) => r[key]).length / instanceCount;
nb.section(
  'C8 over seeded instances',
  `${instanceCount} instances of the reference size (seeds 1000 … ${999 + instanceCount}, W₁ ~ N(0, 1), W₂ ~ 0.3 N(0, 1)); T is the step at which the fixed-η₀ run reaches f − f* ≤ 10⁻⁸ (f(W₀) − f*) (at most ${MAX_STEPS}). A heuristic claim of the paper (“a better step size” [P]), not a theorem: our notes found it on about 93% of their instances (local-pl-linear-nets.md §5, C8).`,
  markdownTable(
    ['statement', 'fraction of instances', 'local-pl-linear-nets.md C8'],
    [
      ['adaptive gap at T ≤ fixed gap at T', fraction('ahead'), 'about 93%'],
      ['η at the last step > η₀ (the step grew)', fraction('grew'), 'about 90%'],
      ['ηₜ not monotone: the last step > 0.1% below the peak', fraction('peaked'), 'about 40%'],
    ],
  ),
);
nb.summary(`C8 over ${instanceCount} instances: adaptive ahead ${formatNumber(fraction('ahead'))}, step grew ${formatNumber(fraction('grew'))}, peaked ${formatNumber(fraction('peaked'))}`);

nb.finish();

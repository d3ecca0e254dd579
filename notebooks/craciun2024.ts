/**
 * Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large Learning Rates",
 * arXiv 2402.13108 (docs/theory/large-lr-impossibility.md §4-5), on synthetic problems: the
 * step-size phase diagram (the fraction of random starts that converge and the asymptotic gradient
 * norm against eta / eta_c) of the scalar factorization 1/2 (xy - 1)^2, a deep scalar net and a
 * whitened two-layer linear net, each with its exact critical step eta_c = 2 / S_min marked
 * (bounds/craciun2024.ts), swept by src/claims/sweep.ts.
 */
import {
  balancedTwoCycleGradNorm,
  balancedTwoCycleMultiplier,
  deepScalarNetCriticalStep,
  scalarFactorizationCriticalStep,
  whitenedTwoLayerCriticalStep,
  wilsonInterval,
} from '../bounds/craciun2024.js';
import { runLengthAt, stepSizeSweep, type RunLength, type SweepResult } from '../src/claims/sweep.js';
import { phaseDiagramFigure } from '../src/plot/specs.js';
import { deepScalarNet, formatNumber, linearNetWithLoss, scalarFactorization, whitenedLoss, type Problem } from '../src/index.js';
import { markdownTable, Notebook, sized, type Cell } from './_shared.js';

const nb = new Notebook(
  'craciun2024',
  'Crăciun, Ghoshdastidar (2024): no convergence above the critical step, on synthetic problems',
  'Reproduces the experiment of large-lr-impossibility.md (§4-5) on its exact examples (§3.3): GD with a constant step η from random Gaussian starts, each run classified (converged, diverged, bounded and non-convergent, stalled, still converging; src/gd/classify.ts), against η over the critical step 2/Sₘᵢₙ, where Sₘᵢₙ is the least sharpness over the global minimisers (our linear-stability reading [R] of the paper’s critical value, large-lr-impossibility.md §2). Below the critical step a positive fraction of the starts converges; above it none does, and the gradient norm settles at a positive value that rises from 0 like the square root of η minus the critical step.',
);

// %% The sweep: the grid of eta / eta_c of large-lr-impossibility.md §5, random starts, run lengths growing near eta_c
const RATIOS = [0.5, 0.9, 0.95, 0.98, 1.02, 1.05, 1.1, 1.2, 1.5];
/** M of the protocol (large-lr-impossibility.md §5 item 1): 1000 starts per step size. */
const STARTS = sized(1000, 16);
/** T = 3000 at |eta/eta_c - 1| = 2%, falling like 1/|eta/eta_c - 1| to at least 400 (src/claims/sweep.ts runLengthAt). */
const RUN_LENGTH: RunLength = { stepsAtBand: sized(20_000, 1500), band: 0.02, minSteps: sized(4000, 400) };
/** Runs stop as converged at f - f* <= 1e-28 (nondegenerate minima, cancellation-free gaps). */
const CONVERGED_GAP = 1e-28;

interface Model {
  readonly name: string;
  /** The figure's file name. */
  readonly slug: string;
  readonly problem: Problem;
  readonly criticalStep: number;
  readonly criticalLabel: string;
  /** The problem in a sentence, for the README. */
  readonly description: string;
  /** Every coordinate of a start is N(0, initScale^2). */
  readonly initScale: number;
  /** The asymptotic gradient norm predicted at step eta (an attracting 2-cycle), when known. */
  readonly predicted?: (eta: number) => number | undefined;
}

/**
 * The gradient norm on E1's balanced 2-cycle with target c (§3.4 [R, N]), where the cycle attracts on
 * the diagonal (|multiplier| < 1, i.e. 1 < eta c < sqrt(5) - 1). For E3 with c = sigma_max(Phi) it
 * predicts the top mode's cycle (§5 C3: the other mode converges).
 */
const twoCyclePrediction =
  (c: number) =>
  (eta: number): number | undefined =>
    eta * c > 1 && Math.abs(balancedTwoCycleMultiplier({ eta, c })) < 1 ? balancedTwoCycleGradNorm({ eta, c }) : undefined;

const Phi = [
  [2, 0],
  [0, 1],
];
const models: Model[] = [
  {
    name: 'E1: ½(xy − 1)²',
    slug: 'phase-scalar-factorization',
    problem: scalarFactorization({ target: 1 }),
    criticalStep: scalarFactorizationCriticalStep({ c: 1 }),
    criticalLabel: 'critical step 1/|c| = 1',
    description: 'The scalar factorization, the smallest two-layer linear net: on its minimisers xy = 1 the sharpness is x² + y² ≥ 2 (§3.3 E1).',
    initScale: 1,
    predicted: twoCyclePrediction(1),
  },
  {
    name: 'E2: deep scalar net ½(w₁w₂w₃ − 1)²',
    slug: 'phase-deep-scalar-net',
    problem: deepScalarNet({ depth: 3, target: 1 }),
    criticalStep: deepScalarNetCriticalStep({ N: 3, y: 1 }),
    criticalLabel: 'critical step 2/(N|y|²⁻²ᐟᴺ) = 2/3',
    description: 'A depth-3 scalar net with target 1: on its minimisers the sharpness is Σᵢ wᵢ⁻² ≥ 3, with equality at the balanced ones (§3.3 E2).',
    initScale: 1,
  },
  {
    name: 'E3: whitened net ½‖W₂W₁ − Φ‖², Φ = diag(2, 1)',
    slug: 'phase-whitened-two-layer',
    problem: linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [2], loss: whitenedLoss(Phi) }),
    criticalStep: whitenedTwoLayerCriticalStep({ Phi }),
    criticalLabel: 'critical step 1/σₘₐₓ(Φ) = 0.5',
    description: 'A two-layer linear net of hidden width 2 on whitened data, Φ = diag(2, 1): on its minimisers the sharpness is ‖W₂‖² + ‖W₁‖² ≥ 2σₘₐₓ(Φ) (§3.3 E3). Its 2-cycle prediction is E1’s formula for the top mode, c = σₘₐₓ = 2 (§5 C3).',
    initScale: 0.5,
    predicted: twoCyclePrediction(2),
  },
];

const sweepOf = (model: Model, seed: number): SweepResult =>
  stepSizeSweep(model.problem, model.criticalStep, RATIOS, (ratio) => ({
    starts: STARTS,
    ...runLengthAt(RUN_LENGTH, ratio),
    initScale: model.initScale,
    seed,
    convergedGap: CONVERGED_GAP,
  }));

// %% One phase diagram per model, with its table
for (const [index, model] of models.entries()) {
  const sweep = sweepOf(model, index + 1);
  const bracket = `step over critical step: last converging ${sweep.lastConverging ?? '−'}, first non-converging ${sweep.firstNonConverging ?? '−'}`;
  await nb.figure(
    model.slug,
    phaseDiagramFigure({
      title: `Phase diagram: ${model.name}`,
      subtitle: `${STARTS} starts N(0, ${model.initScale}²I) per step; ${bracket}`,
      points: sweep.points.map((p) => ({ stepSize: p.step, gradNorm: p.asymptoticGradNorm, fractionConverged: p.convergedFraction })),
      criticalStep: model.criticalStep,
      criticalLabel: model.criticalLabel,
    }),
    {
      title: `Phase diagram, ${model.name}`,
      shows: `${model.description} Top: the asymptotic gradient norm, the median over the bounded non-convergent runs of max ‖∇f‖ over the last fifth of the run (absent where no run is bounded). Bottom: the fraction of the ${STARTS} starts that converged. The dashed rule is the exact ${model.criticalLabel}. Runs: T = ${RUN_LENGTH.stepsAtBand} steps at η / critical step = 0.98 and 1.02, fewer further away (at least ${RUN_LENGTH.minSteps}), stopped as converged at f − f* ≤ 10⁻²⁸. Empirical critical step: ${bracket}.`,
      numbers: [
        markdownTable(
          ['η / critical step', 'η', 'converged', '95% Wilson interval', 'diverged', 'bounded', 'stalled / undecided', 'asymptotic ‖∇f‖', ...(model.predicted ? ['2-cycle prediction'] : [])],
          sweep.points.map((p): Cell[] => {
            const { lower, upper } = wilsonInterval({ successes: p.outcomes.converged, trials: p.starts });
            return [
              p.ratio,
              p.step,
              p.convergedFraction,
              `[${lower.toFixed(3)}, ${upper.toFixed(3)}]`,
              p.outcomes.diverged,
              p.outcomes.bounded,
              `${p.outcomes.stalled} / ${p.outcomes.undecided}`,
              p.asymptoticGradNorm,
              ...(model.predicted ? [model.predicted(p.step)] : []),
            ];
          }),
        ),
      ],
    },
  );
  const below = sweep.points.filter((p) => p.ratio < 1);
  const above = sweep.points.filter((p) => p.ratio > 1);
  nb.summary(
    `${model.name}: converged fraction ${below.map((p) => formatNumber(p.convergedFraction)).join('/')} below the critical step, ${above.map((p) => formatNumber(p.convergedFraction)).join('/')} above; ${bracket}`,
  );
}

nb.finish();

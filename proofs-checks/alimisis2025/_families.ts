/**
 * Families shared by the claims on Alimisis, Islamov, Lucchi (2025) (docs/theory/warmup-h0h1.md):
 * the fully computable (H0,H1)-smooth examples T1..T6 of its section 4, each with its constants
 * (exact, or a proved bound where marked), at a point or started from one under the adaptive step
 * 1/(10 H0 + 20 H1 (f - f*)); the hard instance T4a under fixed steps with several starts of the
 * same initial gap; and two-layer tanh networks with cross-entropy and L2.
 */
import {
  h0h1Warmup,
  sumConstants,
  theorem41PlLowerBound,
  theorem41StabilityCap,
  theorem43Applies,
} from '../../bounds/alimisis2025.js';
import {
  constant,
  coshExtremal,
  evenPower,
  evenPowerH1ForH0,
  exponentialRidge,
  family,
  firstHitIteration,
  gapOf,
  integer,
  leastSquares,
  logisticRidge,
  logUniform,
  mlp,
  mlpInitialWeights,
  minibatch,
  pointwise,
  quadratic,
  quadraticExponentialA,
  quadraticExponentialB,
  requireRhs,
  Rng,
  spectralNorm,
  summarize,
  uniform,
  type FiniteSumProblem,
  type GradientOracle,
  type Hypothesis,
  type Instance,
  type Measure,
  type MeasureContext,
  type MeasureValue,
  type MlpProblem,
  type ParameterBox,
  type Params,
  type Problem,
  type Schedule,
} from '../../src/index.js';

/** The examples of warmup-h0h1.md section 4 (T7, the balanced scalar net, is a restricted set, not R^d). */
export const EXAMPLES = ['T1', 'T2', 'T3', 'T4a', 'T4b', 'T5', 'T6'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The PL examples (all but T3 = sum w_i^4, which is not PL). */
const PL_EXAMPLES: readonly ExampleName[] = ['T1', 'T2', 'T4a', 'T4b', 'T5', 'T6'];

/** An example with the (H0,H1) pair its claims use, its PL constant when it has one, and its length scale. */
interface ExampleProblem {
  readonly problem: Problem;
  readonly H0: number;
  readonly H1: number;
  readonly mu?: number;
  /** The distance from x* over which the curvature changes appreciably; starts are radius * lengthScale away. */
  readonly lengthScale: number;
}

/** Constant `name` of the problem, which its family must provide. */
function constantOf(problem: Problem, name: 'H0' | 'H1' | 'mu'): number {
  const value = problem.constants[name]?.value;
  if (value === undefined) throw new Error(`${problem.name} has no constant ${name}`);
  return value;
}

/** n = 8 samples in d dimensions, entries N(0, scale^2), labels from a noisy linear rule (seeded). */
function marginData(dim: number, seed: number, scale: number): { X: number[][]; y: number[] } {
  const rng = new Rng(seed);
  const truth = rng.normalVector(dim);
  const X = Array.from({ length: 8 }, () => Array.from(rng.normalVector(dim), (v) => scale * v));
  const y = X.map((x) => (x.reduce((s, v, j) => s + v * truth[j], 0) + scale * rng.normal() > 0 ? 1 : -1));
  return { X, y };
}

/**
 * The example `name` built from two positive scales a, b (in [0.1, 10]):
 * - T1: a quadratic with a seeded spectrum in [a/10, a] (H0 = lambda_max = a, mu = lambda_min,
 *   exact) and H1 = b (any H1 >= 0 is valid, T1 [D]);
 * - T2: H0/H1 (cosh(sqrt(H1) w) - 1) summed, H0 = mu = a, H1 = b, exact (T2 [D]);
 * - T3: sum w_i^4 with the pair (a, 36/a) on the growth frontier H0 H1 = 36 (T3 and section 2 [D]),
 *   attained where w^2 = a/6;
 * - T4a: (H0, H1, mu) = (2, 1, 2), exact (T4a [D]);
 * - T4b: h = a, (H0, H1, mu) = (h, h, h), exact (T4b [D]);
 * - T5, T6: logistic / exponential ridge on 8 seeded samples with entries N(0, b^2), lambda = a/10:
 *   H0 = lambda + B^2 f*, H1 = B^2 (valid bounds), mu = lambda (T5 exact, T6 a valid bound) (T5, T6 [D]).
 */
function exampleProblem(name: ExampleName, { dim, seed, a, b }: Params): ExampleProblem {
  switch (name) {
    case 'T1': {
      const rng = new Rng(seed);
      const eigenvalues = Array.from({ length: dim }, (_, i) => (i === 0 ? a : a / 10 ** rng.uniform()));
      const problem = quadratic({ eigenvalues, seed });
      return { problem, H0: a, H1: b, mu: constantOf(problem, 'mu'), lengthScale: 1 / Math.sqrt(a) };
    }
    case 'T2':
      return { problem: coshExtremal({ H0: a, H1: b, dim }), H0: a, H1: b, mu: a, lengthScale: 1 / Math.sqrt(b) };
    case 'T3':
      return { problem: evenPower({ k: 2, dim }), H0: a, H1: evenPowerH1ForH0(2, a), lengthScale: Math.sqrt(a / 6) };
    case 'T4a':
      return { problem: quadraticExponentialA({ dim }), H0: 2, H1: 1, mu: 2, lengthScale: 1 };
    case 'T4b':
      return { problem: quadraticExponentialB({ h: a, dim }), H0: a, H1: a, mu: a, lengthScale: 1 / Math.sqrt(a) };
    case 'T5':
    case 'T6': {
      const build = name === 'T5' ? logisticRidge : exponentialRidge;
      const problem = build({ ...marginData(dim, seed, b), lambda: a / 10 });
      const [H0, H1, mu] = (['H0', 'H1', 'mu'] as const).map((c) => constantOf(problem, c));
      return { problem, H0, H1, mu, lengthScale: 1 / b };
    }
  }
}

/** A point of an (H0,H1)-smooth function with its constants: what the pointwise consequences of Definition 3.1 read. */
export interface H0H1Point extends Instance {
  readonly x0: Float64Array;
  readonly H0: number;
  readonly H1: number;
}

/** f(w) - f* at the instance's point, clipped at 0. */
export const gapAtPoint = (instance: Pick<H0H1Point, 'problem' | 'x0'>): number => Math.max(0, gapOf(instance.problem, instance.x0));

/** ||grad f(w)||^2 at the point. */
export const squaredGradientNormAtPoint = (instance: H0H1Point): number => {
  const g = new Float64Array(instance.problem.dim);
  instance.problem.grad(instance.x0, g);
  return g.reduce((s, v) => s + v * v, 0);
};

/** An example at a point x0 = x* + radius * lengthScale * (c1, ..., c_dim), with its constants. */
export interface ExampleInstance extends H0H1Point {
  /** The PL constant, for the PL examples. */
  readonly mu?: number;
  /** f(x0) - f*. */
  readonly initialGap: number;
  /** ||x0 - x*||. */
  readonly distance: number;
}

const pointBox = {
  dim: integer(1, 3),
  seed: integer(0, 10_000),
  a: logUniform(0.1, 10),
  b: logUniform(0.1, 10),
  radius: logUniform(1e-2, 8),
  c1: uniform(-1, 1),
  c2: uniform(-1, 1),
  c3: uniform(-1, 1),
};

function exampleInstance(examples: readonly ExampleName[], params: Params): ExampleInstance {
  const { problem, H0, H1, mu, lengthScale } = exampleProblem(examples[params.example], params);
  const { dim } = problem;
  const xStar = problem.xStar ?? new Float64Array(dim);
  const offset = [params.c1, params.c2, params.c3].slice(0, dim).map((c) => params.radius * lengthScale * c);
  const x0 = Float64Array.from(offset, (v, i) => xStar[i] + v);
  return {
    problem,
    x0,
    H0,
    H1,
    ...(mu === undefined ? {} : { mu }),
    initialGap: gapOf(problem, x0),
    distance: Math.hypot(...offset),
  };
}

/**
 * The examples T1..T6 at a point x* + radius * lengthScale * c, c in [-1, 1]^dim, dim in 1..3: the
 * family of the pointwise claims (Definition 3.1, the gradient self-bound).
 */
export const examplesAtAPoint = family<ExampleInstance>({
  name: `${EXAMPLES.join('/')} examples of warmup-h0h1.md at x* + radius * lengthScale * c`,
  box: { example: integer(0, EXAMPLES.length - 1), ...pointBox },
  instance: (params) => exampleInstance(EXAMPLES, params),
});

/** An example run from x0 under the adaptive step 1/(10 H0 + 20 H1 (f - f*)). */
export interface AdaptiveRunInstance extends ExampleInstance {
  readonly schedule: Schedule;
  /** The target accuracy of first-hit claims (0 for claims about N steps). */
  readonly eps: number;
}

/**
 * The examples `examples` started at x0 = x* + radius * lengthScale * c and run with the adaptive
 * step of Section 3.3: for N steps (`horizon`: N in 1..horizon), or to the target
 * `eps(instance, params)` of a first-hit claim, whose parameters `extraBox` adds.
 */
export function adaptiveRuns(
  examples: readonly ExampleName[],
  options:
    | { readonly horizon: number }
    | { readonly eps: (instance: ExampleInstance, params: Params) => number; readonly extraBox: ParameterBox },
) {
  const runBox = 'horizon' in options ? { N: integer(1, options.horizon) } : options.extraBox;
  return family<AdaptiveRunInstance>({
    name: `${examples.join('/')} examples of warmup-h0h1.md from x* + radius * lengthScale * c, adaptive step 1/(10 H0 + 20 H1 gap)`,
    box: { example: integer(0, examples.length - 1), ...pointBox, ...runBox },
    instance: (params) => {
      const instance = exampleInstance(examples, params);
      const schedule = h0h1Warmup({ H0: instance.H0, H1: instance.H1 });
      return 'horizon' in options
        ? { ...instance, schedule, horizon: params.N, eps: 0 }
        : { ...instance, schedule, eps: options.eps(instance, params) };
    },
  });
}

/** The constants Theorem 4.3 reads off an adaptive run (mu: the PL examples have one). */
export const theorem43Constants = (instance: AdaptiveRunInstance) => ({
  H0: instance.H0,
  H1: instance.H1,
  mu: instance.mu!,
  gap0: instance.initialGap,
  eps: instance.eps,
});

/** The PL examples run to eps = epsRatio min(Delta0, H0/(2 H1)), epsRatio in [1e-10, 0.9]: inside Theorem 4.3's printed domain. */
export const theorem43Runs = adaptiveRuns(PL_EXAMPLES, {
  eps: (instance, { epsRatio }) => epsRatio * Math.min(instance.initialGap, instance.H0 / (2 * instance.H1)),
  extraBox: { epsRatio: logUniform(1e-10, 0.9) },
});

/** Theorem 4.3's printed domain, 0 < eps < H0/(2 H1) and Delta0 > eps. */
export const theorem43Domain: Hypothesis<AdaptiveRunInstance> = {
  name: '0 < eps < H0/(2 H1) and Delta0 > eps (printed domain)',
  holds: (instance) => theorem43Applies(theorem43Constants(instance)),
};

/** T4a (H0, H1, mu) = (2, 1, 2), as the audit evaluates Theorem 4.1 part (3) on it. */
export const T4A_CONSTANTS = { H0: 2, H1: 1, mu: 2 } as const;

/**
 * One start of a fixed-step instance: T4a in R^m at (w, ..., w) with f = m phi(w) = Delta0. GD keeps
 * the m coordinates equal, so it is run as m copies of the 1-D run from w, whose target is eps/m.
 */
interface Start {
  readonly copies: number;
  readonly x0: Float64Array;
}

/** The T4a fixed-step instance of Theorem 4.1 part (3): starts sharing the initial gap, one step, a target. */
export interface FixedStepInstance extends Instance {
  readonly starts: readonly Start[];
  readonly gap0: number;
  readonly eps: number;
  readonly schedule: Schedule;
  readonly x0: Float64Array;
}

/** The coordinate w >= 0 of T4a's term phi with phi(w) = value: sqrt(value) on the core, 1 + log((value + 1)/2) on the tail. */
function t4aCoordinate(value: number): number {
  return value <= 1 ? Math.sqrt(value) : 1 + Math.log((value + 1) / 2);
}

/**
 * T4a with initial gap Delta0 in `gap0Range` (default [2, 100]), the fixed step eta = s cap(Delta0)
 * with cap the printed Eq. (63) cap 2 (log Delta0 + 1) / Delta0 and s in [0.05, 1], and eps in
 * [1e-10, 1e-1]. The starts: for m = 1, 2, 4, ... up to the first m >= Delta0, the gap Delta0 spread
 * evenly over m coordinates, from all of it on the exponential tail (m = 1) to all of it on the
 * quadratic core (Delta0/m <= 1). In R^M, M the largest m, with zeros elsewhere (where GD leaves
 * them), these are starts of one function of the class, T4a in R^M.
 */
export function t4aFixedStep(gap0Range: { min: number; max: number } = { min: 2, max: 100 }) {
  const problem = quadraticExponentialA({ dim: 1 });
  return family<FixedStepInstance>({
    name: 'T4a, fixed step s 2 (log Delta0 + 1) / Delta0, starts with f(x0) = Delta0 spread over m = 1, 2, 4, ... coordinates',
    box: { gap0: logUniform(gap0Range.min, gap0Range.max), s: uniform(0.05, 1), eps: logUniform(1e-10, 1e-1) },
    instance: ({ gap0, s, eps }) => {
      const starts: Start[] = [];
      for (let copies = 1; ; copies *= 2) {
        starts.push({ copies, x0: Float64Array.of(t4aCoordinate(gap0 / copies)) });
        if (copies >= gap0) break;
      }
      return { problem, x0: starts[0].x0, starts, gap0, eps, schedule: constant(s * theorem41StabilityCap({ gap0 })) };
    },
  });
}

/** Theorem 4.1 part (3) at the instance, with T4a's mu and H1 (or another H1, for a twin). */
export const t4aLowerBound = (instance: FixedStepInstance, H1: number = T4A_CONSTANTS.H1): number =>
  theorem41PlLowerBound({ H1, mu: T4A_CONSTANTS.mu, gap0: instance.gap0, eps: instance.eps });

/** A start's run stops at this multiple of the bound, beyond the K of the smallest steps of the family (s = 0.05). */
const RUN_LENGTH_IN_BOUNDS = 50;

/**
 * max over the instance's starts of K(eps) under its fixed step: the worst case of Theorem 4.1 over
 * starts with the same initial gap, for a lower claim K >= rhs. Each start is run through the
 * context's runner (so that the certification replays all of them in high precision) up to
 * 50 ceil(rhs) steps rather than ceil(rhs) (firstHit's run for a lower claim), so that the margin says
 * how far the worst start is from the bound and the adversarial search can follow it. A start that
 * diverges or stops at a stationary point above the target makes K infinite; one still above the
 * target after the run gives a censored K = steps + 1 > 50 rhs, and ends the evaluation.
 */
export function worstFirstHitOverStarts(): Measure<FixedStepInstance> {
  const label = 'max over starts with f(x0) = Delta0 of K(eps)';
  return {
    label,
    certification: 'replay',
    needsRhs: true,
    evaluate(instance: FixedStepInstance, context: MeasureContext): MeasureValue {
      const maxSteps = RUN_LENGTH_IN_BOUNDS * Math.max(1, Math.ceil(requireRhs(context, label)));
      let worst: MeasureValue = { value: -Infinity };
      for (const { copies, x0 } of instance.starts) {
        const target = instance.eps / copies;
        const trajectory = context.run(instance.problem, instance.schedule, x0, { maxSteps, targetGap: target });
        const hit = firstHitIteration(trajectory, target);
        const trajectorySummary = summarize(trajectory);
        if (hit === undefined) {
          if (trajectory.stop === 'budget' || trajectory.stop === 'underflow') return { value: trajectory.steps + 1, censored: true, trajectory: trajectorySummary };
          const diverged = trajectory.stop === 'diverged';
          return { value: Infinity, trajectory: trajectorySummary, ...(diverged ? { diverged } : {}) };
        }
        if (hit > worst.value) worst = { value: hit, trajectory: trajectorySummary };
      }
      return worst;
    },
  };
}

/** A sum h = f + g of two shifted 1-D extremal functions (T2), at a point, with the summands' constants. */
export interface CoshSumInstance extends Instance {
  readonly x0: Float64Array;
  readonly f: SmoothSummandConstants;
  readonly g: SmoothSummandConstants;
  /** inf h = f* + g* (both summands are minimized at 0). */
  readonly sumInfimum: number;
}

interface SmoothSummandConstants {
  readonly H0: number;
  readonly H1: number;
  readonly infimum: number;
}

/**
 * (f + fShift) + (g + gShift) for two problems on the same space with the same minimizer x*: its
 * infimum is f* + fShift + g* + gShift, attained at x*, and its gap the sum of the two gaps.
 */
function shiftedSum(f: Problem, fShift: number, g: Problem, gShift: number): Problem {
  const { dim } = f;
  const gGradient = new Float64Array(dim);
  return {
    name: `(${f.name} + ${fShift}) + (${g.name} + ${gShift})`,
    dim,
    params: { fShift, gShift },
    f: (x) => f.f(x) + fShift + g.f(x) + gShift,
    grad(x, out) {
      const value = f.grad(x, out) + g.grad(x, gGradient);
      for (let i = 0; i < dim; i++) out[i] += gGradient[i];
      return value + fShift + gShift;
    },
    gap: (x) => gapOf(f, x) + gapOf(g, x),
    hess(x, out = new Float64Array(dim * dim)) {
      const gHessian = g.hess!(x);
      f.hess!(x, out);
      for (let i = 0; i < dim * dim; i++) out[i] += gHessian[i];
      return out;
    },
    fStar: f.fStar + fShift + g.fStar + gShift,
    ...(f.xStar ? { xStar: f.xStar } : {}),
    constants: {},
  };
}

/**
 * h(w) = f(w) + g(w) with f = Hf0/Hf1 (cosh(sqrt(Hf1) w) - 1) + fStar and g the same with
 * (Hg0, Hg1, gStar): each is exactly (H0, H1)-smooth with its own pair (T2 [D]; shifting f does
 * not change f - inf f), both are minimized at w = 0, so inf h = fStar + gStar exactly. Constants in
 * [0.1, 10], shifts in `shiftRange`, the point w = radius / sqrt(max(Hf1, Hg1)) c with radius in
 * [1e-2, 8], c in [-1, 1].
 */
export function shiftedCoshSums(shiftRange: { min: number; max: number }) {
  return family<CoshSumInstance>({
    name: `f + g, f = Hf0/Hf1 (cosh(sqrt(Hf1) w) - 1) + fStar, g alike, shifts in [${shiftRange.min}, ${shiftRange.max}]`,
    box: {
      Hf0: logUniform(0.1, 10),
      Hf1: logUniform(0.1, 10),
      Hg0: logUniform(0.1, 10),
      Hg1: logUniform(0.1, 10),
      fStar: uniform(shiftRange.min, shiftRange.max),
      gStar: uniform(shiftRange.min, shiftRange.max),
      radius: logUniform(1e-2, 8),
      c: uniform(-1, 1),
    },
    instance: ({ Hf0, Hf1, Hg0, Hg1, fStar, gStar, radius, c }) => {
      const problem = shiftedSum(coshExtremal({ H0: Hf0, H1: Hf1 }), fStar, coshExtremal({ H0: Hg0, H1: Hg1 }), gStar);
      return {
        problem,
        x0: Float64Array.of((radius * c) / Math.sqrt(Math.max(Hf1, Hg1))),
        f: { H0: Hf0, H1: Hf1, infimum: fStar },
        g: { H0: Hg0, H1: Hg1, infimum: gStar },
        sumInfimum: fStar + gStar,
      };
    },
  });
}

/** ||Hess h(w)|| (1-D: |h''(w)|). */
export const sumCurvature = pointwise('||Hess (f + g)(w)||', (instance: CoshSumInstance) => Math.abs(instance.problem.hess!(instance.x0)[0]));

/** H0 + H1 (h(w) - h*) with the pair `constants` gives for the instance's summands. */
export function sumBound(instance: CoshSumInstance, constants: typeof sumConstants = sumConstants): number {
  const { H0, H1 } = constants({ f: instance.f, g: instance.g, sumInfimum: instance.sumInfimum });
  return H0 + H1 * Math.max(0, gapOf(instance.problem, instance.x0));
}

/** tanh: |tanh s| <= |s|, |tanh'| <= 1, |tanh''| <= max 2 tanh sech^2 = 4 / (3 sqrt 3) (at tanh^2 = 1/3). */
export const TANH_BOUNDS = { C1: 1, C2: 1, C3: 4 / (3 * Math.sqrt(3)) } as const;

/** A two-layer tanh network with 2-class cross-entropy and L2, at a point. */
export interface TwoLayerInstance extends Instance {
  readonly problem: MlpProblem;
  readonly x0: Float64Array;
  readonly lambda: number;
  /** ||X||, the spectral norm of the data matrix. */
  readonly dataNorm: number;
}

/**
 * Two-layer networks F(x) = W1 tanh(W2 x) (src/problems/mlp.ts: 2-class softmax cross-entropy
 * averaged over n samples, one L2 weight lambda = lambda1 = lambda2 on both layers), d in 1..3
 * inputs, h in 1..3 hidden units, n in 2..6 samples with entries N(0, dataScale^2) and seeded
 * labels, at the point W = mlpInitialWeights(seed, weightScale). inf f is only known to lie in
 * [0, f(W)].
 */
export const twoLayerCrossEntropy = family<TwoLayerInstance>({
  name: 'two-layer tanh net, 2-class cross-entropy + lambda/2 ||W||^2, at seeded weights of scale weightScale',
  box: {
    inputs: integer(1, 3),
    hidden: integer(1, 3),
    samples: integer(2, 6),
    seed: integer(0, 10_000),
    lambda: logUniform(1e-3, 10),
    dataScale: logUniform(1e-2, 10),
    weightScale: logUniform(1e-2, 30),
  },
  instance: ({ inputs, hidden, samples, seed, lambda, dataScale, weightScale }) => {
    const rng = new Rng(seed);
    const X = Array.from({ length: inputs }, () => Array.from(rng.normalVector(samples), (v) => dataScale * v));
    const Y = Array.from({ length: samples }, (_, j) => (j === 0 ? 0 : j === 1 ? 1 : rng.uniform() < 0.5 ? 0 : 1));
    const problem = mlp({ X, hidden: [hidden], activation: 'tanh', loss: 'crossEntropy', Y, classes: 2, l2: lambda });
    const x0 = mlpInitialWeights(problem, seed + 1, weightScale);
    const dataNorm = spectralNorm(Float64Array.from(X.flat()), inputs, samples);
    return { problem, x0, lambda, dataNorm };
  },
});

/** A least-squares problem at w_k with the SGD step of the Section 3.2 proxy (CS10). */
export interface ProxyInstance extends Instance {
  readonly problem: FiniteSumProblem;
  readonly x0: Float64Array;
  /** lambda_max(A^T A / n). */
  readonly L: number;
  readonly eta: number;
  readonly batch: number;
  readonly seed: number;
}

/** Least squares (n = 8..24 rows, d = 1..4, noisy targets), w_k ~ N(0, I), step h/L, batch 1..4. */
export const proxyInstances = family<ProxyInstance>({
  name: 'least squares (n, d, seed) at w_k ~ N(0, I), one SGD step h/L',
  box: { n: integer(8, 24), d: integer(1, 4), batch: integer(1, 4), h: uniform(0.05, 1), seed: integer(0, 10_000) },
  instance: ({ n, d, batch, h, seed }) => {
    const rng = new Rng(seed);
    const A = Array.from({ length: n }, () => Array.from(rng.normalVector(d)));
    const b = Array.from(rng.normalVector(n));
    const problem = leastSquares({ A, b });
    const L = problem.constants.L!.value;
    return { problem, x0: rng.normalVector(d), L, eta: h / L, batch, seed };
  },
});

/**
 * L-hat_k = ||g_{S_k}(w_{k+1}) - g_{S_{k-1}}(w_k)|| / ||w_{k+1} - w_k||, w_{k+1} = w_k - eta g_{S_{k-1}}(w_k):
 * with the full batch at both points, or with two consecutive minibatches (`minibatches`).
 */
export function smoothnessProxy(instance: ProxyInstance, minibatches: boolean): number {
  const { problem, x0, eta } = instance;
  const gradient = (x: Float64Array, out: Float64Array, oracle?: GradientOracle): void => {
    problem.grad(x, out);
    if (oracle) oracle.direction(x, Float64Array.from(out), out);
  };
  const oracle = minibatches ? minibatch(problem, instance.batch, instance.seed) : undefined;
  const before = new Float64Array(problem.dim);
  gradient(x0, before, oracle);
  const next = Float64Array.from(x0, (v, i) => v - eta * before[i]);
  const after = new Float64Array(problem.dim);
  gradient(next, after, oracle);
  let difference = 0;
  let step = 0;
  for (let i = 0; i < problem.dim; i++) {
    difference += (after[i] - before[i]) ** 2;
    step += (next[i] - x0[i]) ** 2;
  }
  return step === 0 ? 0 : Math.sqrt(difference / step);
}

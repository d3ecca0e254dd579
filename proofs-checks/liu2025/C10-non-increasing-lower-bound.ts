/**
 * C10. A lower bound for non-increasing step schedules, quantified as the digest prescribes.
 *
 * Result: on f = cosh x - 1 + y^2/2 ((1, 1, 1)-smooth), every non-increasing schedule
 * eta_0 >= eta_1 >= ... fixed from (K0, Krho, rho, Delta_0, T) alone leaves, at the worst of the
 * starts with gap Delta_0, f(w_T) - f* >= Delta_0 max{0, 1 - tau}^(2T), where tau = 2 xbar / sinh xbar
 * is the C9 threshold at the all-x start xbar = arccosh(1 + Delta_0). The Theorem-1 warmup reaches
 * Delta <= 1e-8 from the all-x start in about xbar + 2 steps (C9), while 1/tau grows like
 * e^xbar / xbar: the Theta(T)-type separation of the abstract, against that start. Not against the
 * worst of the starts: from the all-y start 1/(1 + Delta_t) underestimates the step the curvature 1 of
 * y^2/2 allows, Delta drops by about 2 per step and the warmup needs about Delta_0 / 2 steps (508 for
 * Delta_0 = 1000). Proved here for constant steps (if
 * eta <= tau the all-y start contracts by (1 - eta)^2 >= (1 - tau)^2 per step; if eta > tau the all-x
 * start never decreases, C9); for decaying schedules it is a conjecture that the search tests. The
 * quantification matters (digest section 3.3, fact 2): one start is solved in two steps by a tuned
 * non-increasing schedule, e.g. eta_0 = 1 and eta_1 = |x_1| / sinh |x_1| from (x_0, 1), so the
 * measure runs the same schedule from nine starts that split Delta_0 between the x and y parts
 * (x-share 0, 1/8, ..., 1) and reports the worst final gap. A schedule tuned to finitely many starts
 * could still beat the bound in exact arithmetic, by landing them on 0 one after the other; in
 * float64 the starts it throws out first overflow (counted as an infinite gap).
 * Hypotheses: the schedule depends on (Delta_0, T) and its own parameters only. The family:
 * Delta_0 log-uniform in [4, 1000] (so tau < 1), T = 1..30, step decay eta_0 decay^floor(t/every),
 * cosine decay from eta_0 to decay eta_0 over T steps, or the constant eta_0, with eta_0 log-uniform in
 * [1e-4, 2].
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, abstract [P] (warmup "can
 * converge at most Theta(T) times faster" than non-increasing schedules "in some specific cases");
 * digest sections 3.3 and 6, C10.
 * Provenance: derived [D]: the bound is ours, built on the digest's C9 threshold and C10 protocol;
 * the paper's own lower bound was not recovered.
 * Broken twin: tau = 2 xbar / sinh xbar -> xbar / sinh xbar (the landing step of section 3.3 in place
 * of the stability threshold; a constant step just below tau beats it).
 */
import { coshLandingStep, nonIncreasingWorstCaseGapLowerBound } from '../../bounds/liu2025.js';
import {
  brokenTwin,
  claim,
  constant,
  cosineDecay,
  family,
  integer,
  logUniform,
  stepDecay,
  summarize,
  uniform,
  type Instance,
  type Measure,
  type MeasureValue,
  type Problem,
  type Schedule,
} from '../../src/index.js';
import { baseProblem, coshValleyRow, liu2025Source } from './_families.js';

interface NonIncreasingInstance extends Instance {
  readonly problem: Problem;
  readonly schedule: Schedule;
  readonly horizon: number;
  readonly initialGap: number;
  /** The starts with gap initialGap that the schedule must all handle. */
  readonly starts: readonly Float64Array[];
}

const SPLITS = 8;

/** The starts (x, y) with cosh x - 1 = share Delta_0 and y^2/2 = (1 - share) Delta_0, share = i/8. */
function splitsOf(initialGap: number): Float64Array[] {
  return Array.from({ length: SPLITS + 1 }, (_, i) => {
    const share = i / SPLITS;
    // arccosh(1 + g) = 2 asinh(sqrt(g/2)), without cancellation.
    return Float64Array.of(2 * Math.asinh(Math.sqrt((share * initialGap) / 2)), Math.sqrt(2 * (1 - share) * initialGap));
  });
}

const SHAPES = ['step decay', 'cosine decay', 'constant'] as const;

function nonIncreasingSchedule(shape: number, eta0: number, decay: number, every: number, T: number): Schedule {
  switch (SHAPES[shape]) {
    case 'step decay':
      return stepDecay({ initial: eta0, factor: decay, every });
    case 'cosine decay':
      return cosineDecay({ peak: eta0, decaySteps: T, floor: decay * eta0 });
    default:
      return constant(eta0);
  }
}

const nonIncreasingRuns = family<NonIncreasingInstance>({
  name: `non-increasing schedules (${SHAPES.join(', ')}) on cosh(x) - 1 + y^2/2 from ${SPLITS + 1} splits of Delta_0`,
  box: {
    initialGap: logUniform(4, 1000),
    T: integer(1, 30),
    shape: integer(0, SHAPES.length - 1),
    eta0: logUniform(1e-4, 2),
    decay: uniform(0.01, 1),
    every: integer(1, 10),
  },
  instance: ({ initialGap, T, shape, eta0, decay, every }) => ({
    problem: baseProblem(coshValleyRow),
    schedule: nonIncreasingSchedule(shape, eta0, decay, every, T),
    horizon: T,
    initialGap,
    starts: splitsOf(initialGap),
  }),
});

/** The worst f(w_T) - f* over the instance's starts, each run through the context (so replays are exact). */
const worstFinalGap: Measure<NonIncreasingInstance> = {
  label: 'max over the starts of f(w_T) - f*',
  certification: 'replay',
  evaluate({ problem, schedule, horizon, starts }, context) {
    let worst: MeasureValue = { value: -Infinity };
    for (const start of starts) {
      // Only a float overflow ends a run: a start thrown far out may still be brought back.
      const trajectory = context.run(problem, schedule, start, { maxSteps: horizon, blowUpFactor: 1e250, maxAbsCoordinate: 1e250 });
      const diverged = trajectory.stop === 'diverged';
      const value = diverged ? Infinity : trajectory.gap[trajectory.steps];
      if (value > worst.value) worst = { value, ...(diverged ? { diverged } : {}), trajectory: summarize(trajectory) };
    }
    return worst;
  },
};

const lowerBound = claim({
  id: 'liu2025.C10',
  title:
    'Non-increasing steps on cosh x - 1 + y^2/2: max over starts with gap Delta_0 of f(w_T) - f* >= Delta_0 (1 - 2 xbar/sinh xbar)^(2T)',
  source: liu2025Source('abstract, Theta(T) separation (digest C10)', 'derived', '[P] claim, [D] bound'),
  kind: 'lower',
  family: nonIncreasingRuns,
  lhs: worstFinalGap,
  rhs: ({ initialGap, horizon }) => nonIncreasingWorstCaseGapLowerBound({ initialGap, T: horizon }),
  rhsLabel: 'Delta_0 max{0, 1 - 2 xbar/sinh xbar}^(2T), xbar = arccosh(1 + Delta_0)',
  expected: 'holds',
});
export default lowerBound;

export const twin = brokenTwin(lowerBound, {
  mutation: 'tau = 2 xbar / sinh xbar -> xbar / sinh xbar',
  rhs: ({ initialGap, horizon }) => {
    const landing = coshLandingStep(2 * Math.asinh(Math.sqrt(initialGap / 2)));
    return initialGap * Math.max(0, 1 - landing) ** (2 * horizon);
  },
  rhsLabel: 'Delta_0 max{0, 1 - xbar/sinh xbar}^(2T)',
});

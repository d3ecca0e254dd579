/**
 * §3.3, fact 2. One fixed instance is always solved fast by a tuned non-increasing schedule.
 *
 * Result: on f = cosh x - 1 + y^2/2 from (x_0, 1), the non-increasing schedule eta_0 = 1,
 * eta_1 = |x_1| / sinh |x_1| reaches f = 0 in two steps: the first step zeroes y and sends x to
 * x_1 = x_0 - sinh x_0, the second is the landing step of cosh x - 1 from x_1 (x_1 - eta_1 sinh x_1 = 0).
 * So a lower bound for all non-increasing schedules must fix the schedule from the problem constants
 * and take the worst case over starts (C10). Checked as f(w_2) - f* <= 1e-20 (f(w_0) - f*): exact
 * arithmetic gives 0, and the float step leaves a gap of order (eps |x_1|)^2.
 * Hypotheses: eta_1 <= eta_0 (the schedule is non-increasing). The family: x_0 in [0.05, 4]
 * (|x_1| <= 24, so the intermediate gap stays below the runner's blow-up threshold).
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest §3.3, fact 2.
 * Provenance: derived [D].
 * Broken twin: eta_1 = |x_1| / (2 sinh |x_1|) (half the landing step: x_2 = x_1 (1 - 1/2) and a gap
 * of order cosh(x_1/2) - 1 remains).
 */
import { brokenTwin, claim, family, gapAt, schedule, uniform } from '../../src/index.js';
import { baseProblem, coshValleyRow, liu2025Source } from './_families.js';

/** eta_0 = 1, then eta_t = |x_t| / (landingScale sinh |x_t|) (1 at x_t = 0). */
const tunedSchedule = (landingScale: number) =>
  schedule(`1 then |x_1|/(${landingScale} sinh|x_1|)`, (t, state) => {
    if (t === 0) return 1;
    const x = Math.abs(state.x[0]);
    return x === 0 ? 1 / landingScale : x / (landingScale * Math.sinh(x));
  });

const valleyFrom = (landingScale: number) =>
  family({
    name: `cosh(x) - 1 + y^2/2 from (x_0, 1), eta_0 = 1, eta_1 = |x_1|/(${landingScale} sinh|x_1|)`,
    box: { x0: uniform(0.05, 4) },
    instance: ({ x0 }) => ({
      problem: baseProblem(coshValleyRow),
      x0: [x0, 1],
      schedule: tunedSchedule(landingScale),
      horizon: 2,
      initialGap: 2 * Math.sinh(x0 / 2) ** 2 + 0.5,
    }),
  });

const twoSteps = claim({
  id: 'liu2025.S33-fact2',
  title: 'Section 3.3 fact 2: eta_0 = 1, eta_1 = |x_1|/sinh|x_1| (non-increasing) on cosh x - 1 + y^2/2 from (x_0, 1): f(w_2) - f* <= 1e-20 (f(w_0) - f*)',
  source: liu2025Source('digest section 3.3, fact 2', 'derived', '[D]'),
  kind: 'upper',
  family: valleyFrom(1),
  lhs: gapAt(),
  rhs: (instance) => 1e-20 * instance.initialGap,
  rhsLabel: '1e-20 (f(w_0) - f*)',
  hypotheses: [
    {
      name: 'eta_1 <= eta_0 (non-increasing)',
      holds: (_instance, { x0 }) => Math.abs(x0 - Math.sinh(x0)) / Math.sinh(Math.abs(x0 - Math.sinh(x0))) <= 1,
    },
  ],
  scale: (_lhs, _rhs, instance) => instance.initialGap,
  expected: 'holds',
});
export default twoSteps;

export const twin = brokenTwin(twoSteps, {
  mutation: 'eta_1 = |x_1|/sinh|x_1| -> |x_1|/(2 sinh|x_1|)',
  family: valleyFrom(2),
});

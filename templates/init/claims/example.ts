/**
 * An example claim: the Drori-Teboulle bound for gradient descent on smooth convex functions,
 * f(x_N) - f* <= L R^2 / (4Nh + 2) for step h/L with h in (0, 1] and R = |x_0 - x*|, searched over
 * 1-D Huber functions of every core width (the worst case is one of them).
 * Reference: Drori & Teboulle (2014), Math. Program. 145, Theorem 3.1.
 *
 *   npx boundcheck falsify claims/example.ts                  # holds: exit 0
 *   npx boundcheck falsify claims/example.ts --export twin    # the broken twin is caught: exit 1
 *   npx boundcheck check claims/                              # every claim of the folder, one table
 */
import { brokenTwin, claim, constant, family, gapAt, huber, integer, logUniform, uniform } from 'boundcheck';
import { droriTeboulleGapBound } from 'boundcheck/bounds/classical';

const huberFunctions = family({
  name: 'huber(L, tau = tauRatio R) from x0 = R, step h/L',
  box: { L: logUniform(0.1, 10), R: logUniform(0.1, 10), N: integer(1, 100), h: uniform(0.05, 1), tauRatio: logUniform(1e-3, 1) },
  instance: ({ L, R, N, h, tauRatio }) => ({
    problem: huber({ L, tau: tauRatio * R }),
    x0: [R],
    schedule: constant(h / L),
    horizon: N,
  }),
});

const droriTeboulle = claim({
  id: 'example.drori-teboulle',
  title: 'GD on L-smooth convex f, step h/L: f(x_N) - f* <= L R^2 / (4Nh + 2)',
  source: { reference: 'Drori & Teboulle (2014), Math. Program. 145', result: 'Theorem 3.1', version: 'journal', provenance: 'secondary' },
  kind: 'upper',
  family: huberFunctions,
  lhs: gapAt(),
  rhs: (_instance, { L, R, N, h }) => droriTeboulleGapBound({ L, R, N, h }),
  rhsLabel: 'L R^2 / (4Nh + 2)',
});
export default droriTeboulle;

/** The same bound with a constant changed: the search must find where it fails. */
export const twin = brokenTwin(droriTeboulle, {
  mutation: '4Nh + 2 -> 4Nh + 4',
  rhs: (_instance, { L, R, N, h }) => (L * R * R) / (4 * N * h + 4),
  rhsLabel: 'L R^2 / (4Nh + 4)',
});

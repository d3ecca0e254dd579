/**
 * A hand-written problem gives its own ball model through the public API: f(x) = a/2 x^2 in one
 * dimension, with `BallModel` written from the exported ball operations. Its broken claim
 * certifies by the ball double-double replay, with the BigNumber model's 80-digit lhs inside the
 * stated interval, and `method: 'bignumber'` gives the BigNumber second opinion. (At a = 3 and
 * x0 = 1.3 the gradient a x0 is exactly halfway between two doubles: its norm, through a square
 * root, cannot be told from the tie, and certification falls back to BigNumber.)
 */
import { describe, expect, it } from 'vitest';
import {
  BALL_VALUE,
  ballMul,
  ballOneMinusProduct,
  ballResult,
  ballScaleByPowerOfTwo,
  bigModel,
  certify,
  claim,
  constant,
  family,
  gapAt,
  logUniform,
  problem,
  toBig,
  type BallModel,
} from '../../src/index.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';

/** a/2 x^2, in float64, BigNumber and double-double balls. */
function scaledSquare(a: number) {
  const ballModel = (): BallModel => ({
    dim: 1,
    stateDim: 1,
    start(x0, state) {
      state.setExact(0, x0[0]);
    },
    evaluate(x, { point, gradient, values }) {
      point.hi[0] = x.hi[0];
      point.lo[0] = x.lo[0];
      point.rad[0] = x.rad[0];
      ballMul(a, 0, 0, x.hi[0], x.lo[0], x.rad[0]);
      gradient.setResult(0);
      ballMul(ballResult.hi, ballResult.lo, ballResult.rad, x.hi[0], x.lo[0], x.rad[0]);
      ballScaleByPowerOfTwo(ballResult.hi, ballResult.lo, ballResult.rad, -1);
      values.setResult(BALL_VALUE.f);
      values.setResult(BALL_VALUE.gap);
      ballMul(gradient.hi[0], gradient.lo[0], gradient.rad[0], gradient.hi[0], gradient.lo[0], gradient.rad[0]);
      values.setResult(BALL_VALUE.gradNormSquared);
    },
    step(x, eta, next) {
      ballOneMinusProduct(eta, a);
      ballMul(ballResult.hi, ballResult.lo, ballResult.rad, x.hi[0], x.lo[0], x.rad[0]);
      next.setResult(0);
    },
  });
  return problem({
    name: `scaledSquare(a=${a})`,
    dim: 1,
    f: (x) => (a / 2) * x[0] ** 2,
    grad(x, out) {
      out[0] = a * x[0];
    },
    xStar: [0],
    highPrecision: bigModel((math) => ({
      fStar: toBig(math, 0),
      f: (x) => toBig(math, a).times(x[0]).times(x[0]).div(2),
      grad: (x) => [toBig(math, a).times(x[0])],
    })),
    ballModel,
  });
}

const source = { reference: 'test', result: 'test', version: 'test', provenance: 'derived' } as const;
const N = 30;
const runs = family({
  name: 'GD with step 0.7/a on a/2 x^2',
  box: { a: logUniform(0.1, 10) },
  instance: ({ a }) => ({ problem: scaledSquare(a), x0: [1.3], schedule: constant(0.7 / a), horizon: N }),
});
// Broken on purpose: the gap after N steps is (1 - 0.7)^(2N) a/2 1.3^2, and the bound is 1e-6 below it.
const broken = claim({
  id: 'test.custom-ball',
  title: 'gap below itself',
  source,
  kind: 'upper',
  family: runs,
  lhs: gapAt(),
  rhs: (_instance, { a }) => 0.3 ** (2 * N) * (a / 2) * 1.69 * (1 - 1e-6),
  rhsLabel: '0.3^(2N) a/2 x0^2 (1 - 1e-6)',
});

describe('a custom problem with its own ball model', () => {
  const found = evaluateClaim(broken, { a: 2.7 });

  it('certifies by the ball replay, the 80-digit lhs inside its interval', () => {
    expect(found.status).toBe('violated');
    const ball = certify(broken, found, 1e-9);
    const big = certify(broken, found, 1e-9, { method: 'bignumber' });
    expect(ball.method, ball.reason).toBe('ball double-double');
    expect(ball.status).toBe('certified');
    expect(big.method).toBe('high-precision replay');
    expect(big.status).toBe('certified');
    const lhs80 = big.replays[1].lhs;
    expect(ball.enclosure!.lhs[0]).toBeLessThanOrEqual(lhs80);
    expect(ball.enclosure!.lhs[1]).toBeGreaterThanOrEqual(lhs80);
    // The lhs is the exact gap rounded: the interval is a few ulps wide.
    expect(ball.enclosure!.lhs[1] - ball.enclosure!.lhs[0]).toBeLessThan(1e-14 * lhs80);
  });

  it('its broken twin, a ball model whose step is off by 2^-45 relative, is caught by the same comparison', () => {
    const careless = (a: number) => {
      const p = scaledSquare(a);
      const model = p.ballModel!();
      return { ...p, ballModel: (): BallModel => ({ ...model, step: (x, eta, next) => { model.step(x, eta * (1 + 2 ** -45), next); } }) };
    };
    const twinRuns = family({
      name: 'the same, with a ball model one step off',
      box: { a: logUniform(0.1, 10) },
      instance: ({ a }) => ({ problem: careless(a), x0: [1.3], schedule: constant(0.7 / a), horizon: N }),
    });
    const twin = claim({ ...broken, id: 'test.custom-ball-twin', family: twinRuns } as Parameters<typeof claim>[0]);
    const ball = certify(twin, evaluateClaim(twin, { a: 2.7 }), 1e-9);
    const big = certify(twin, evaluateClaim(twin, { a: 2.7 }), 1e-9, { method: 'bignumber' });
    const lhs80 = big.replays[1].lhs;
    expect(ball.enclosure!.lhs[0] > lhs80 || ball.enclosure!.lhs[1] < lhs80).toBe(true);
  });
});

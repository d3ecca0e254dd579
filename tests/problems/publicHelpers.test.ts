/**
 * The helpers a custom problem or claim uses through the public API: the Hessian norm and
 * sharpness at a point (dense Hessian, or Lanczos on the HVP), and the BigNumber helpers of a
 * high-precision model.
 */
import { describe, expect, it } from 'vitest';
import { bigDot, bigModel, bigSum, hessianNorm, largestHessianEigenvalue, toBig, toBigVector, toFloatVector, type Problem } from '../../src/index.js';

/** f(x) = x_0^2 - 3 x_1^2 + x_0 x_1^3 / 3: Hess = [[2, x_1^2], [x_1^2, -6 + 2 x_0 x_1]]. */
const saddle: Problem = {
  name: 'saddle',
  dim: 2,
  params: {},
  f: (x) => x[0] ** 2 - 3 * x[1] ** 2 + (x[0] * x[1] ** 3) / 3,
  grad(x, out) {
    out[0] = 2 * x[0] + x[1] ** 3 / 3;
    out[1] = -6 * x[1] + x[0] * x[1] ** 2;
    return this.f(x);
  },
  hess: (x, out = new Float64Array(4)) => {
    out.set([2, x[1] ** 2, x[1] ** 2, -6 + 2 * x[0] * x[1]]);
    return out;
  },
  fStar: -Infinity,
  constants: {},
};
const { hess: _dense, ...withoutHess } = saddle;
const hvpOnly: Problem = {
  ...withoutHess,
  hvp(x, v, out) {
    out[0] = 2 * v[0] + x[1] ** 2 * v[1];
    out[1] = x[1] ** 2 * v[0] + (-6 + 2 * x[0] * x[1]) * v[1];
  },
};

describe('curvature at a point', () => {
  // At (1, 1): Hess = [[2, 1], [1, -4]], eigenvalues -1 +- sqrt(10).
  const lambdaMax = -1 + Math.sqrt(10);
  const norm = 1 + Math.sqrt(10);
  it('from the dense Hessian', () => {
    expect(hessianNorm(saddle, [1, 1])).toBeCloseTo(norm, 13);
    expect(largestHessianEigenvalue(saddle, [1, 1])).toBeCloseTo(lambdaMax, 13);
  });
  it('by Lanczos on the Hessian-vector product', () => {
    expect(hessianNorm(hvpOnly, [1, 1])).toBeCloseTo(norm, 9);
    expect(largestHessianEigenvalue(hvpOnly, [1, 1])).toBeCloseTo(lambdaMax, 9);
  });
  it('a point of the wrong length is an InputError naming it', () => {
    expect(() => hessianNorm(saddle, [1])).toThrow('x must have length 2, got 1');
  });
});

describe('BigNumber helpers', () => {
  const model = bigModel((math) => {
    const three = toBig(math, 3);
    return {
      fStar: toBig(math, 0),
      f: (x) => bigDot(math, x, x).times(three),
      grad: (x) => x.map((xi) => xi.times(three).times(2)),
    };
  });
  it('builds each precision once, at that precision', () => {
    expect(model(40)).toBe(model(40));
    expect(model(40).digits).toBe(40);
    expect(model(80).math.bignumber(1).div(3).toString()).toBe(`0.${'3'.repeat(80)}`);
    // 1/3 at 40 digits has 40 significant threes.
    expect(model(40).math.bignumber(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });
  it('evaluates in BigNumber: f(0.1, 0.2) = 3 (0.01 + 0.04) = 0.15 exactly, as float64 cannot', () => {
    const m = model(40);
    // toBigVector reads doubles exactly (the double 0.1 is not 1/10), so the decimals go in as strings.
    expect(m.f([m.math.bignumber('0.1'), m.math.bignumber('0.2')]).toString()).toBe('0.15');
    expect(m.f(toBigVector(m.math, [0.1, 0.2])).toString()).not.toBe('0.15');
    expect(0.1 * 0.1 * 3 + 0.2 * 0.2 * 3).not.toBe(0.15);
    expect(Array.from(toFloatVector(m.grad(toBigVector(m.math, [0.5, -1]))))).toEqual([3, -6]);
    expect(bigSum(m.math, []).toString()).toBe('0');
  });
});

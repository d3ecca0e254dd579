/**
 * `problem({...})`: defaults filled, and a hand-written problem with a missing or malformed field
 * rejected by an InputError that names the field, before any run.
 */
import { describe, expect, it } from 'vitest';
import { constant, exact, InputError, problem, run, type ProblemDefinition } from '../../src/index.js';

/** f(x) = (x_0 - 1)^2 + 2 x_1^2. */
const bowl: ProblemDefinition = {
  dim: 2,
  f: (x) => (x[0] - 1) ** 2 + 2 * x[1] ** 2,
  grad: (x, out) => {
    out[0] = 2 * (x[0] - 1);
    out[1] = 4 * x[1];
  },
  xStar: [1, 0],
};

describe('problem({...})', () => {
  it('fills the defaults: name, params, constants, f* = f(xStar), f(x) from f when grad returns nothing', () => {
    const p = problem(bowl);
    expect(p.name).toBe('problem');
    expect(p.params).toEqual({});
    expect(p.constants).toEqual({});
    expect(p.fStar).toBe(0);
    const out = new Float64Array(2);
    expect(p.grad(Float64Array.of(0, 1), out)).toBe(3);
    expect(Array.from(out)).toEqual([-2, 4]);
  });

  it('runs: GD with step 1/4 on the bowl, a closed form', () => {
    const p = problem({ ...bowl, name: 'bowl', constants: { L: exact(4) } });
    const t = run(p, constant(1 / 4), [0, 1], { maxSteps: 3 });
    // x_0 - 1 halves per step, x_1 is zeroed at the first step.
    expect(t.gap[3]).toBeCloseTo(0.5 ** 6, 15);
    expect(t.gap[1]).toBeCloseTo(0.25, 15);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['no dim', { ...bowl, dim: undefined }, 'problem problem: dim must be an integer >= 1, got undefined'],
    ['a fractional dim', { ...bowl, dim: 1.5 }, 'problem problem: dim must be an integer >= 1, got 1.5'],
    ['no f', { ...bowl, name: 'bowl', f: undefined }, 'problem bowl: f must be a function'],
    ['no grad', { ...bowl, grad: 3 }, 'problem problem: grad must be a function grad(x, out)'],
    ['hess not a function', { ...bowl, hess: [1, 0, 0, 1] }, 'problem problem: hess must be a function when given, got object'],
    ['neither fStar nor xStar', { ...bowl, xStar: undefined }, 'problem problem: fStar is missing'],
    ['a NaN fStar', { ...bowl, fStar: NaN }, 'problem problem: fStar must be a number, got NaN'],
    ['xStar of the wrong length', { ...bowl, xStar: [1] }, 'problem problem: xStar must have length 2, got 1'],
    ['an unknown constant', { ...bowl, constants: { Lip: exact(1) } }, 'problem problem: constants.Lip is not a known constant'],
    ['a bare number as constant', { ...bowl, constants: { L: 4 } }, 'problem problem: constants.L must be built with exact(value)'],
    ['a parameter that is not a number', { ...bowl, params: { a: '2' } }, 'problem problem: params.a must be a number, got "2"'],
    ['f not a number at xStar', { ...bowl, f: () => undefined }, 'problem problem: f(xStar) must be a number, got undefined'],
  ];
  it.each(bad)('%s is an InputError naming the field', (_what, definition, message) => {
    const build = () => problem(definition as unknown as ProblemDefinition);
    expect(build).toThrow(InputError);
    expect(build).toThrow(message);
  });
});

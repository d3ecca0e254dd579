import { all, create } from 'mathjs';
import { describe, expect, it, vi } from 'vitest';
import { fromExpression, type ExpressionDefinition, type ExpressionProblem } from '../../src/problems/expression.js';
import { bigMath } from '../../src/problems/highPrecision.js';
import { falsify } from '../../src/search/falsify.js';
import { InputError } from '../../src/util/errors.js';
import inlineExpressionClaim, { twin as inlineExpressionTwin } from '../fixtures/inline-expression.js';
import { gradientError, hessianError, hvpError } from '../helpers/finiteDifferences.js';

interface ClosedForm {
  readonly definition: ExpressionDefinition;
  readonly f: (x: Float64Array) => number;
  readonly grad: (x: Float64Array) => number[];
  /** Row-major. */
  readonly hess: (x: Float64Array) => number[];
  readonly points: readonly number[][];
}

const H0 = 2;
const H1 = 3;
const a = 1.5;
const lam = 0.1;

const closedForms: readonly ClosedForm[] = [
  {
    // (H0,H1)-smooth cosh: f' = H0/sqrt(H1) sinh(sqrt(H1) w), f'' = H0 cosh(sqrt(H1) w).
    definition: { expression: 'H0/H1*(cosh(sqrt(H1)*w)-1)', variables: ['w'], parameters: { H0, H1 }, fStar: 0 },
    f: ([w]) => (H0 / H1) * (Math.cosh(Math.sqrt(H1) * w) - 1),
    grad: ([w]) => [(H0 / Math.sqrt(H1)) * Math.sinh(Math.sqrt(H1) * w)],
    hess: ([w]) => [H0 * Math.cosh(Math.sqrt(H1) * w)],
    points: [[0.1], [-0.7], [1.9]],
  },
  {
    // Scalar linear net: grad = (xy - 1)(y, x), Hess = [[y^2, 2xy - 1], [2xy - 1, x^2]].
    definition: { expression: '1/2*(x*y-1)^2', variables: ['x', 'y'], fStar: 0 },
    f: ([x, y]) => (x * y - 1) ** 2 / 2,
    grad: ([x, y]) => [(x * y - 1) * y, (x * y - 1) * x],
    hess: ([x, y]) => [y * y, 2 * x * y - 1, 2 * x * y - 1, x * x],
    points: [
      [0.3, 1.2],
      [-2, 0.5],
      [1.7, -0.9],
    ],
  },
  {
    // Regularised logistic loss: f' = -a / (1 + exp(a x)) + lam x, f'' = a^2 s (1 - s) + lam, s = 1/(1 + exp(-a x)).
    definition: { expression: 'log(1+exp(-a*x))+lam/2*x^2', variables: ['x'], parameters: { a, lam }, fStar: 0 },
    f: ([x]) => Math.log1p(Math.exp(-a * x)) + (lam / 2) * x * x,
    grad: ([x]) => [-a / (1 + Math.exp(a * x)) + lam * x],
    hess: ([x]) => {
      const s = 1 / (1 + Math.exp(-a * x));
      return [a * a * s * (1 - s) + lam];
    },
    points: [[0.3], [-2.5], [4]],
  },
];

function maxRelativeError(computed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let error = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    error = Math.max(error, Math.abs(computed[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return error / scale;
}

describe('fromExpression: float64 derivatives', () => {
  for (const closedForm of closedForms) {
    const { definition } = closedForm;
    describe(definition.expression, () => {
      const problem = fromExpression(definition);

      it('matches central finite differences', () => {
        for (const point of closedForm.points) {
          const x = Float64Array.from(point);
          const errors = {
            grad: gradientError(problem, x),
            hess: hessianError(problem, x),
            hvp: hvpError(problem, x, Float64Array.from(point, (_, i) => (i % 2 ? -0.6 : 0.8))),
          };
          console.log(`${definition.expression} at ${point}: finite-difference errors`, JSON.stringify(errors));
          expect(errors.grad).toBeLessThan(1e-8);
          expect(errors.hess).toBeLessThan(1e-8);
          expect(errors.hvp).toBeLessThan(1e-8);
        }
      });

      it('matches the closed forms to 1e-12', () => {
        for (const point of closedForm.points) {
          const x = Float64Array.from(point);
          const g = new Float64Array(problem.dim);
          const value = problem.grad(x, g);
          const errors = {
            f: maxRelativeError([problem.f(x), value], [closedForm.f(x), closedForm.f(x)]),
            grad: maxRelativeError(g, closedForm.grad(x)),
            hess: maxRelativeError(problem.hess(x), closedForm.hess(x)),
          };
          console.log(`${definition.expression} at ${point}: closed-form errors`, JSON.stringify(errors));
          expect(errors.f).toBeLessThan(1e-12);
          expect(errors.grad).toBeLessThan(1e-12);
          expect(errors.hess).toBeLessThan(1e-12);
        }
      });
    });
  }

  it('writes the Hessian into a given buffer and multiplies it into a vector', () => {
    const problem = fromExpression(closedForms[1].definition);
    const x = Float64Array.of(0.3, 1.2);
    const buffer = new Float64Array(4);
    expect(problem.hess(x, buffer)).toBe(buffer);
    const out = new Float64Array(2);
    problem.hvp(x, Float64Array.of(1, -1), out);
    expect(Array.from(out)).toEqual([buffer[0] - buffer[1], buffer[2] - buffer[3]]);
  });

  it('names the problem and carries its parameters, optimum and constants', () => {
    const problem = fromExpression({
      ...closedForms[2].definition,
      xStar: [0.9],
      constants: { L: { value: 0.6625, status: 'valid bound' } },
    });
    expect(problem.name).toBe('expression(log(1+exp(-a*x))+lam/2*x^2; a=1.5, lam=0.1)');
    expect(problem.params).toEqual({ a: 1.5, lam: 0.1 });
    expect(Array.from(problem.xStar ?? [])).toEqual([0.9]);
    expect(problem.constants.L?.value).toBe(0.6625);
    expect(fromExpression({ ...closedForms[1].definition, name: 'net' }).name).toBe('net');
  });

  it('is NaN, not complex, outside the real domain', () => {
    const problem = fromExpression({ expression: 'sqrt(x) + log(x)', variables: ['x'], fStar: 0 });
    expect(problem.f(Float64Array.of(-1))).toBeNaN();
  });
});

describe('fromExpression: high precision', () => {
  // H0 = H1 = 1: f(w) = cosh(w) - 1, f'(w) = sinh(w), f''(w) = cosh(w).
  const cosh: ExpressionProblem = fromExpression({
    expression: 'H0/H1*(cosh(sqrt(H1)*w)-1)',
    variables: ['w'],
    parameters: { H0: 1, H1: 1 },
    fStar: 0,
  });
  // References, independent of mathjs: the Taylor series cosh(0.1) - 1 = sum_{k>=1} 0.1^(2k) / (2k)!
  // and sinh(0.1) = sum_{k>=0} 0.1^(2k+1) / (2k+1)!, summed exactly in rational arithmetic
  // (Python fractions, k < 40, terms beyond that are below 1e-100) and rounded to 70 digits.
  const coshMinusOne = '0.005004168055803598987978442968341644709626277858959835424560303248373966';
  const sinh = '0.1001667500198440258237293835219050235149209168785588833683029861925940';

  it('agrees with the series to 40 digits at 50 digits of precision', () => {
    const model = cosh.highPrecision(50);
    const value = model.f(['0.1']);
    const slope = model.grad(['0.1'])[0];
    const valueError = value.minus(coshMinusOne).div(coshMinusOne).abs();
    const slopeError = slope.minus(sinh).div(sinh).abs();
    console.log(`cosh(0.1) - 1 at 50 digits: ${value.toString()}, relative error ${valueError.toExponential(2)}`);
    console.log(`sinh(0.1) at 50 digits: ${slope.toString()}, relative error ${slopeError.toExponential(2)}`);
    expect(valueError.lt('1e-40')).toBe(true);
    expect(slopeError.lt('1e-40')).toBe(true);
    expect(model.gap(['0.1']).eq(value)).toBe(true);
    expect(model.hess(['0.1'])[0][0].minus(model.f(['0.1'])).minus(1).abs().lt('1e-48')).toBe(true);
  });

  it('agrees with float64 to rounding', () => {
    const model = cosh.highPrecision(50);
    const w = 0.1;
    const x = Float64Array.of(w);
    const g = new Float64Array(1);
    cosh.grad(x, g);
    const slopeError = Math.abs(g[0] - model.grad([String(w)])[0].toNumber()) / g[0];
    const valueError = Math.abs(cosh.f(x) - model.f([String(w)]).toNumber()) / cosh.f(x);
    const printed = `f ${valueError.toExponential(2)}, f' ${slopeError.toExponential(2)}`;
    console.log(`float64 vs 50 digits at w = 0.1: relative errors ${printed}`);
    expect(slopeError).toBeLessThan(2e-15);
    // cosh(w) - 1 in float64 cancels: its relative error is about eps * cosh(w) / (cosh(w) - 1),
    // 4.4e-14 at w = 0.1 (the gap the high-precision model exists to avoid).
    expect(valueError).toBeLessThan((4 * Number.EPSILON * Math.cosh(w)) / (Math.cosh(w) - 1));
  });

  it('reads decimal literals as decimals and parameters as the doubles the float64 run uses', () => {
    const problem = fromExpression({
      expression: '0.1*x + lam*y',
      variables: ['x', 'y'],
      parameters: { lam: 0.1 },
      fStar: 0,
    });
    const model = problem.highPrecision(40);
    // lam = 0.1 is the double 0.1000000000000000055511151231257827021181583404541015625.
    expect(model.f(['3', '3']).toString()).toMatch(/^0\.600000000000000016653345369377348106354/);
    expect(model.grad(['1', '1']).map(String)).toEqual(['0.1', '0.1000000000000000055511151231257827021181583404541015625']);
  });

  it('takes BigNumbers of another precision at their exact value', () => {
    const model = cosh.highPrecision(80);
    const other = create(all, { number: 'BigNumber', precision: 20 });
    const w = other.bignumber('0.1');
    expect(model.f([w]).eq(model.f(['0.1']))).toBe(true);
    expect(model.toBigNumber(w).eq(model.math.bignumber('0.1'))).toBe(true);
    expect(model.f([w]).toString().replace('0.', '').length).toBeGreaterThan(70);
  });

  it('is built once per precision and rejects bad points', () => {
    expect(cosh.highPrecision(40)).toBe(cosh.highPrecision(40));
    const model = cosh.highPrecision(40);
    expect(() => model.f(['0.1', '0.2'])).toThrow(InputError);
    expect(() => model.f(['abc'])).toThrow(/abc/);
    expect(() => model.f(['Infinity'])).toThrow(/x\[0\]/);
    expect(() => cosh.highPrecision(0)).toThrow(/digits/);
  });
});

describe('fromExpression: bad definitions', () => {
  const base: ExpressionDefinition = { expression: 'x', variables: ['x'], fStar: 0 };
  const cases: [string, Partial<ExpressionDefinition>, RegExp][] = [
    ['an unknown symbol', { expression: 'x^2 + z' }, /unknown symbol 'z'/],
    ['an unknown function', { expression: 'foo(x)' }, /unknown function 'foo'/],
    ['a unit', { expression: 'x + 2 cm' }, /'cm'/],
    ['a NaN parameter', { expression: 'lam*x', parameters: { lam: NaN } }, /parameter 'lam'.*NaN/],
    ['a parameter shadowing a variable', { parameters: { x: 1 } }, /'x'/],
    ['no variables', { variables: [], expression: '1' }, /at least one variable/],
    ['an empty variable name', { variables: ['x', ''] }, /non-empty/],
    ['a duplicated variable', { variables: ['x', 'x'] }, /'x' is listed twice/],
    ['an invalid variable name', { variables: ['2x'] }, /'2x'/],
    ['a variable shadowing a mathjs constant', { variables: ['e'], expression: 'e^2' }, /'e'/],
    ['a syntax error', { expression: 'x +* (' }, /does not parse: Value expected \(char 4\)$/],
    ['an empty expression', { expression: ' ' }, /non-empty/],
    ['an assignment', { expression: 'x = 2' }, /AssignmentNode/],
    ['a non-differentiable function', { expression: 'sign(x)' }, /cannot be differentiated.*sign/],
    ['a non-differentiable operator', { expression: 'x mod 2' }, /cannot be differentiated.*mod/],
    ['a string constant', { expression: 'x + "a"' }, /not a number/],
    ['a call with the wrong number of arguments', { expression: 'x + cos(x, 2)' }, /calls 'cos' with 2 arguments/],
    ['a non-finite fStar', { fStar: NaN }, /fStar/],
    ['an xStar of the wrong length', { xStar: [1, 2] }, /xStar/],
  ];
  for (const [label, overrides, message] of cases) {
    it(`rejects ${label}`, () => {
      const build = () => fromExpression({ ...base, ...overrides });
      expect(build).toThrow(InputError);
      expect(build).toThrow(message);
    });
  }

  it('reports parse errors on one line', () => {
    try {
      fromExpression({ ...base, expression: 'x +\n* (' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('rejects an expression whose value is not a number when it is evaluated', () => {
    const problem = fromExpression({ ...base, expression: 'a > 1', parameters: { a: 2 } });
    expect(() => problem.f(Float64Array.of(1))).toThrow(InputError);
    expect(() => problem.f(Float64Array.of(1))).toThrow(/'a > 1' evaluated to true, which is not a real number/);
  });

  it('accepts mathjs constants and functions', () => {
    const problem = fromExpression({ ...base, expression: 'pi*x^2 + e^x + sinh(x)' });
    const g = new Float64Array(1);
    problem.grad(Float64Array.of(1), g);
    expect(g[0]).toBeCloseTo(2 * Math.PI + Math.E + Math.cosh(1), 13);
  });
});

/**
 * The derivation fromExpression did for every instance before it compiled each expression once:
 * mathjs `derivative` of the parsed expression (second derivatives of the first ones), compiled by
 * mathjs and evaluated with the parameter values and the point in the scope.
 */
function perInstanceDerivation(definition: ExpressionDefinition) {
  const math = create(all, { predictable: true });
  const root = math.parse(definition.expression);
  const gradient = definition.variables.map((variable) => math.derivative(root, variable));
  const hessian = gradient.map((g) => definition.variables.map((variable) => math.derivative(g, variable).compile()));
  const [objective, gradientCode] = [root.compile(), gradient.map((node) => node.compile())];
  const scope = (x: readonly number[]) => ({
    ...definition.parameters,
    ...Object.fromEntries(definition.variables.map((variable, i) => [variable, x[i]])),
  });
  return {
    f: (x: readonly number[]): number => objective.evaluate(scope(x)),
    grad: (x: readonly number[]): number[] => gradientCode.map((code) => code.evaluate(scope(x))),
    /** Row-major; the lower triangle mirrored, as fromExpression fills it. */
    hess: (x: readonly number[]): number[] =>
      hessian.flatMap((row, i) => row.map((_, j) => hessian[Math.max(i, j)][Math.min(i, j)].evaluate(scope(x)))),
  };
}

interface Family {
  readonly expression: string;
  readonly variables: readonly string[];
  readonly parameterValues: ReadonlyArray<Readonly<Record<string, number>>>;
  readonly points: readonly number[][];
}

const families: readonly Family[] = [
  {
    expression: '1/2*(x*y - y0)^2',
    variables: ['x', 'y'],
    parameterValues: [{ y0: 1 }, { y0: -2.5 }, { y0: 0.1 }, { y0: 0 }],
    points: [
      [0.3, 1.2],
      [-2, 0.5],
      [1.7, -0.9],
    ],
  },
  {
    expression: 'a/2*x^2 + b*x^4',
    variables: ['x'],
    parameterValues: [
      { a: 0.5, b: 1e-3 },
      { a: 2, b: 1 },
      { a: 1.3, b: 0.07 },
    ],
    points: [[0.05], [-0.5], [1.3]],
  },
  {
    expression: 'H0/H1*(cosh(sqrt(H1)*w)-1)',
    variables: ['w'],
    parameterValues: [
      { H0: 2, H1: 3 },
      { H0: 1, H1: 1 },
      { H0: 0.3, H1: 7 },
    ],
    points: [[0.1], [-0.7], [1.9]],
  },
  {
    // Odd roots of negative numbers (mathjs's predictable pow), a parameter exponent, functions and constants.
    expression: 'c*x^(1/3) + abs(y)^p + sin(c*x)/(1 + y^2) + pi*e^(x*y/10)',
    variables: ['x', 'y'],
    parameterValues: [
      { c: 1, p: 2 },
      { c: -0.4, p: 2.5 },
      { c: 3, p: 3 },
    ],
    points: [
      [0.8, 1.5],
      [-2, 0.7],
      [-0.3, -1.1],
    ],
  },
];

describe('fromExpression: compiled once per expression', () => {
  for (const family of families) {
    describe(family.expression, () => {
      it('gives exactly the values, gradients and Hessians of the per-instance derivation', () => {
        for (const parameters of family.parameterValues) {
          const definition = { expression: family.expression, variables: family.variables, parameters, fStar: 0 };
          const problem = fromExpression(definition);
          const reference = perInstanceDerivation(definition);
          for (const point of family.points) {
            const x = Float64Array.from(point);
            const g = new Float64Array(problem.dim);
            expect(problem.grad(x, g)).toBe(reference.f(point));
            expect(problem.f(x)).toBe(reference.f(point));
            expect(Array.from(g)).toEqual(reference.grad(point));
            expect(Array.from(problem.hess(x))).toEqual(reference.hess(point));
          }
        }
      });

      it('matches central finite differences for every parameter value', () => {
        for (const parameters of family.parameterValues) {
          const { expression, variables } = family;
          const problem = fromExpression({ expression, variables, parameters, fStar: 0 });
          for (const point of family.points) {
            const x = Float64Array.from(point);
            const errors = { grad: gradientError(problem, x), hess: hessianError(problem, x) };
            expect(errors.grad, `${problem.name} at ${point}`).toBeLessThan(1e-8);
            expect(errors.hess, `${problem.name} at ${point}`).toBeLessThan(1e-7);
          }
        }
      });
    });
  }

  it('keeps the parameter values of each instance to itself', () => {
    const definition = (y0: number): ExpressionDefinition => ({
      expression: '1/2*(x*y - y0)^2',
      variables: ['x', 'y'],
      parameters: { y0 },
      fStar: 0,
    });
    const [one, three] = [fromExpression(definition(1)), fromExpression(definition(3))];
    const x = Float64Array.of(1, 1);
    const g = new Float64Array(2);
    const before = [one.grad(x, g), ...g];
    expect([three.grad(x, g), ...g]).toEqual([2, -2, -2]);
    expect([one.grad(x, g), ...g]).toEqual(before);
    expect(before).toEqual([0, 0, 0]);
    expect(one.params).toEqual({ y0: 1 });
    expect(one.highPrecision(40).f(['1', '1']).toString()).toBe('0');
    expect(three.highPrecision(40).f(['1', '1']).toString()).toBe('2');
    expect(one.highPrecision(40).grad(['1', '1']).map(String)).toEqual(['0', '0']);
  });

  it('differentiates in high precision once per precision, not once per instance', () => {
    const derivative = vi.spyOn(bigMath(43), 'derivative');
    const instance = (a: number) =>
      fromExpression({ expression: 'a*x^2 + x*y', variables: ['x', 'y'], parameters: { a }, fStar: 0 }).highPrecision(43);
    expect(instance(1).f(['1', '2']).toString()).toBe('3');
    const derivations = derivative.mock.calls.length;
    expect(instance(2).f(['1', '2']).toString()).toBe('4');
    expect(instance(3).grad(['1', '2']).map(String)).toEqual(['8', '1']);
    expect(derivations).toBeGreaterThan(0);
    expect(derivative.mock.calls.length).toBe(derivations);
    derivative.mockRestore();
  });

  it('binds parameters by name, whatever the order they are given in', () => {
    const expression = 'a*x + b*x^2';
    const inOrder = fromExpression({ expression, variables: ['x'], parameters: { a: 2, b: 5 }, fStar: 0 });
    const reversed = fromExpression({ expression, variables: ['x'], parameters: { b: 5, a: 2 }, fStar: 0 });
    const x = Float64Array.of(3);
    expect([inOrder.f(x), reversed.f(x)]).toEqual([51, 51]);
    expect(reversed.name).toBe('expression(a*x + b*x^2; b=5, a=2)');
    expect(reversed.highPrecision(30).f(['3']).toString()).toBe('51');
  });

  it('still rejects bad parameter values and bad expressions once the expression is compiled', () => {
    const base = { expression: 'lam*x^2', variables: ['x'], fStar: 0 };
    fromExpression({ ...base, parameters: { lam: 1 } });
    expect(() => fromExpression({ ...base, parameters: { lam: NaN } })).toThrow(/parameter 'lam'.*NaN/);
    expect(() => fromExpression({ ...base, parameters: { lam: 1 }, fStar: Infinity })).toThrow(/fStar/);
    const unknownSymbol = () => fromExpression({ ...base, expression: 'lam*x + z', parameters: { lam: 1 } });
    for (let attempt = 0; attempt < 2; attempt++) expect(unknownSymbol).toThrow(/unknown symbol 'z'/);
  });

  it('finishes a search of the inline-expression claim at budget 1000 and certifies its twin', () => {
    const started = performance.now();
    const result = falsify(inlineExpressionClaim, { budget: 1000, seed: 1 });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`inline-expression claim, budget 1000: ${result.verdict}, ${result.evaluations} runs in ${seconds} s`);
    expect(result.verdict).toBe('holds');
    expect(result.evaluations).toBe(1000);
    const twin = falsify(inlineExpressionTwin, { budget: 1000, seed: 1 });
    expect(twin.verdict).toBe('violated');
    expect(twin.counterexample?.certificate.status).toBe('certified');
  });
});

/**
 * Problems from a mathjs expression (`fromExpression`) against the same problems written by hand,
 * measured in the same run, for three pairs: 1/2 (x y - y0)^2 against `scalarFactorization`,
 * a/2 x^2 + b/2 y^2 against the diagonal `quadratic`, and the inline-expression fixture's
 * a/2 x^2 + b x^4 against a hand-written quartic.
 *
 * Instances per second: what a family's `instance` pays for new parameter values (the expression
 * was compiled at an earlier instance), with, for the first pair, the first instance of an
 * expression (derivation and compilation) for scale. GD steps per second: `run` with a constant
 * step, a fixed number of steps per iteration (none of the runs stops early), so the ratio of the
 * reported rates is the ratio of steps per second.
 */
import { bench, describe } from 'vitest';
import { run } from '../../src/gd/run.js';
import { fromExpression } from '../../src/problems/expression.js';
import type { Problem } from '../../src/problems/problem.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { scalarFactorization } from '../../src/problems/scalarNets.js';
import { constant } from '../../src/schedules/index.js';

/** 1/2 a x^2 + b x^4: f' = a x + 4 b x^3, f'' = a + 12 b x^2. */
function handWrittenQuartic(a: number, b: number): Problem {
  return {
    name: `quartic(a=${a},b=${b})`,
    dim: 1,
    params: { a, b },
    fStar: 0,
    constants: {},
    f: (x) => (a / 2) * x[0] * x[0] + b * x[0] ** 4,
    grad(x, out) {
      const w = x[0];
      out[0] = a * w + 4 * b * w * w * w;
      return (a / 2) * w * w + b * w ** 4;
    },
    hess: (x, out = new Float64Array(1)) => {
      out[0] = a + 12 * b * x[0] * x[0];
      return out;
    },
  };
}

interface Pair {
  readonly label: string;
  /** The instance for the i-th parameter value, from the expression and by hand. */
  readonly expression: (i: number) => Problem;
  readonly handWritten: (i: number) => Problem;
  readonly x0: readonly number[];
  readonly eta: number;
}

const value = (i: number): number => 1 + (i % 100) / 100;

/** The instance of `expression` in `variables` for these parameter values. */
const fromText = (expression: string, variables: readonly string[], parameters: Record<string, number>): Problem =>
  fromExpression({ expression, variables, parameters, fStar: 0 });

const pairs: readonly Pair[] = [
  {
    label: '1/2 (x y - y0)^2 vs scalarFactorization',
    expression: (i) => fromText('1/2*(x*y - y0)^2', ['x', 'y'], { y0: value(i) }),
    handWritten: (i) => scalarFactorization({ target: value(i) }),
    x0: [0.3, 1.2],
    eta: 0.01,
  },
  {
    label: 'a/2 x^2 + b/2 y^2 vs quadratic',
    expression: (i) => fromText('a/2*x^2 + b/2*y^2', ['x', 'y'], { a: value(i), b: 0.1 }),
    handWritten: (i) => quadratic({ eigenvalues: [value(i), 0.1] }),
    x0: [0.3, 1.2],
    eta: 0.5,
  },
  {
    label: 'a/2 x^2 + b x^4 vs hand-written quartic',
    expression: (i) => fromText('a/2*x^2 + b*x^4', ['x'], { a: value(i), b: 0.1 }),
    handWritten: (i) => handWrittenQuartic(value(i), 0.1),
    x0: [0.5],
    eta: 0.1,
  },
];

const steps = 200;
let counter = 0;

/** `run` for a fixed number of steps. */
const gd = (problem: Problem, pair: Pair): number => run(problem, constant(pair.eta), pair.x0, { maxSteps: steps }).steps;

for (const pair of pairs) {
  pair.expression(0); // the first instance derives and compiles the expression
  describe(`instances per second: ${pair.label}`, () => {
    bench('fromExpression', () => void pair.expression(counter++), { time: 1000 });
    bench('hand-written', () => void pair.handWritten(counter++), { time: 1000 });
    if (pair === pairs[0]) {
      // A new expression text every time (an added 0*k term), so that each call derives and compiles.
      const firstInstance = () => fromText(`1/2*(x*y - y0)^2 + 0*${counter++}`, ['x', 'y'], { y0: 2 });
      bench('fromExpression, first instance of an expression', () => void firstInstance(), { time: 1000 });
    }
  });

  const [expressionProblem, handWrittenProblem] = [pair.expression(0), pair.handWritten(0)];
  for (const problem of [expressionProblem, handWrittenProblem]) {
    const ran = gd(problem, pair);
    if (ran !== steps) throw new Error(`${problem.name} stopped after ${ran} of ${steps} steps`);
  }
  describe(`GD steps per second (${steps} steps per iteration): ${pair.label}`, () => {
    bench('fromExpression', () => void gd(expressionProblem, pair), { time: 1000 });
    bench('hand-written', () => void gd(handWrittenProblem, pair), { time: 1000 });
  });
}

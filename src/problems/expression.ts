/**
 * Problems written as a mathjs expression in scalar variables (x1, x2, ... for a vector), e.g.
 * `H0/H1*(cosh(sqrt(H1)*w)-1)` with variable w and parameters H0, H1.
 *
 * It owns the validation of such a definition, the symbolic gradient and Hessian (mathjs
 * `derivative`, simplified; second derivatives of the simplified first ones, lower triangle only),
 * their float64 evaluation (each expression compiled once, all evaluated in one reused scope), and a
 * high-precision evaluator: the same expression re-parsed in a mathjs instance configured with
 * { number: 'BigNumber', precision: digits }, so that literals such as 0.1 are exact decimals, and
 * differentiated there. Parameters (and fStar) enter that instance exactly as the float64 values the
 * float64 evaluator uses (`exactDecimal`): lam = 0.1 is the double nearest 1/10 in both, so the
 * replay runs the instance that ran. Literals of the expression are read as decimals in both.
 *
 * Both instances use mathjs's `predictable` mode: sqrt(-1), log(-1) and the like are NaN rather than
 * complex numbers, so a run that leaves the real domain is reported as non-finite.
 */
import { all, create } from 'mathjs';
import type { BigNumber, EvalFunction, MathJsInstance, MathNode } from 'mathjs';
import { matvec } from '../linalg/kernels.js';
import { InputError } from '../util/errors.js';
import { requireFinite, requireInteger, requireVector } from '../util/validate.js';
import type { HighPrecisionModel, Problem, ProblemConstants } from './problem.js';
import { bigMath, exactDecimal } from './highPrecision.js';

export interface ExpressionDefinition {
  /** A scalar mathjs expression in the variables and parameters, e.g. `1/2*(x*y-1)^2`. */
  readonly expression: string;
  /** The coordinates of x, in order. */
  readonly variables: readonly string[];
  /** Values of the other symbols of the expression. */
  readonly parameters?: Readonly<Record<string, number>>;
  readonly fStar: number;
  readonly xStar?: readonly number[];
  readonly constants?: ProblemConstants;
  /** Default: `expression(<expression>; <parameters>)`. */
  readonly name?: string;
}

/** A point for the high-precision evaluator: decimal strings (read exactly) or BigNumbers. */
export type HighPrecisionPoint = readonly string[] | readonly BigNumber[];

/**
 * The expression evaluated in BigNumber arithmetic at `digits` significant digits: a
 * `HighPrecisionModel` that also takes decimal strings. Inputs are read exactly; every result is a
 * BigNumber of `math`, rounded to `digits` digits per operation.
 */
export interface HighPrecisionProblem extends HighPrecisionModel {
  readonly dim: number;
  /** fStar, read exactly (its float64 value). */
  readonly fStar: BigNumber;
  /** A BigNumber of this precision holding exactly the given decimal string or BigNumber. */
  toBigNumber(value: string | BigNumber): BigNumber;
  f(x: HighPrecisionPoint): BigNumber;
  grad(x: HighPrecisionPoint): BigNumber[];
  /** Hessian as rows. */
  hess(x: HighPrecisionPoint): BigNumber[][];
  /** f(x) - fStar. */
  gap(x: HighPrecisionPoint): BigNumber;
}

export interface ExpressionProblem extends Problem {
  readonly expression: string;
  readonly variables: readonly string[];
  hess(x: Float64Array, out?: Float64Array): Float64Array;
  hvp(x: Float64Array, v: Float64Array, out: Float64Array): void;
  /** The high-precision evaluator at `digits` >= 1 significant digits (built once per digits). */
  highPrecision(digits: number): HighPrecisionProblem;
}

/** Symbolic derivatives of one expression, in the node type of one mathjs instance. */
interface SymbolicDerivatives {
  readonly objective: EvalFunction;
  readonly gradient: EvalFunction[];
  /** Lower triangle of the Hessian, row by row: (0,0), (1,0), (1,1), (2,0), ... */
  readonly hessianLower: EvalFunction[];
}

const float64Math = create(all, { predictable: true });

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

/** An InputError about `expression`, quoted on one line. */
function expressionError(expression: string, problem: string): InputError {
  return new InputError(`expression '${oneLine(expression)}' ${problem}`);
}

function errorMessage(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** What mathjs itself defines under `name`: a function, a constant, or nothing. */
function mathjsMember(name: string): unknown {
  return Object.hasOwn(float64Math, name) ? (float64Math as unknown as Record<string, unknown>)[name] : undefined;
}

function isMathjsConstant(name: string): boolean {
  const member = mathjsMember(name);
  return typeof member === 'number' && !Number.isNaN(member);
}

function isMathjsFunction(name: string): boolean {
  return typeof mathjsMember(name) === 'function';
}

/** A name usable as a variable or parameter: a plain mathjs symbol that mathjs does not define. */
function requireSymbolName(kind: string, name: string): void {
  if (typeof name !== 'string' || name === '') throw new InputError(`${kind} names must be non-empty strings`);
  let node: MathNode;
  try {
    node = float64Math.parse(name);
  } catch {
    throw new InputError(`${kind} '${name}' is not a valid symbol name`);
  }
  if (!float64Math.isSymbolNode(node) || node.name !== name) {
    throw new InputError(`${kind} '${name}' is not a valid symbol name`);
  }
  if (mathjsMember(name) !== undefined) {
    throw new InputError(`${kind} '${name}' would shadow the mathjs built-in of that name`);
  }
}

function parseExpression(expression: string): MathNode {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new InputError('expression must be a non-empty string');
  }
  try {
    return float64Math.parse(expression);
  } catch (error) {
    throw expressionError(expression, `does not parse: ${errorMessage(error)}`);
  }
}

/**
 * Accepts numbers, operators, parentheses, calls of mathjs functions, mathjs numeric constants
 * (pi, e, ...) and the declared symbols; anything else (assignments, matrices, units, strings,
 * conditionals, unknown names) is an InputError naming it.
 */
function checkTree(node: MathNode, declared: ReadonlySet<string>, expression: string): void {
  const math = float64Math;
  if (math.isConstantNode(node)) {
    if (typeof node.value !== 'number') {
      throw expressionError(expression, `has a constant that is not a number: ${node.toString()}`);
    }
  } else if (math.isSymbolNode(node)) {
    if (!declared.has(node.name) && !isMathjsConstant(node.name)) {
      const reason = 'not a variable, a parameter or a mathjs constant';
      throw expressionError(expression, `has an unknown symbol '${node.name}' (${reason})`);
    }
  } else if (math.isFunctionNode(node)) {
    const fn: MathNode = node.fn;
    if (!math.isSymbolNode(fn) || !isMathjsFunction(fn.name)) {
      throw expressionError(expression, `calls an unknown function '${fn.toString()}'`);
    }
    for (const arg of node.args) checkTree(arg, declared, expression);
  } else if (math.isOperatorNode(node) || math.isParenthesisNode(node)) {
    node.forEach((child: MathNode) => checkTree(child, declared, expression));
  } else {
    const allowed = 'numbers, symbols, operators and function calls';
    throw expressionError(expression, `contains '${node.toString()}' (${node.type}); only ${allowed} are allowed`);
  }
}

/** Differentiates the parsed expression in `math` and compiles f, its gradient and Hessian. */
function differentiate(
  math: MathJsInstance,
  root: MathNode,
  variables: readonly string[],
  expression: string,
): SymbolicDerivatives {
  const derivative = (node: MathNode, variable: string): MathNode => {
    try {
      return math.derivative(node, variable);
    } catch (error) {
      throw expressionError(expression, `cannot be differentiated in ${variable}: ${errorMessage(error)}`);
    }
  };
  const gradientNodes = variables.map((variable) => derivative(root, variable));
  const hessianLower: EvalFunction[] = [];
  gradientNodes.forEach((gradientNode, i) => {
    for (let j = 0; j <= i; j++) hessianLower.push(derivative(gradientNode, variables[j]).compile());
  });
  return { objective: root.compile(), gradient: gradientNodes.map((node) => node.compile()), hessianLower };
}

/** `expression(<expression>; a=1, lam=0.1)`, or without the `;` part when there are no parameters. */
function defaultName(expression: string, parameters: Readonly<Record<string, number>>): string {
  const assignments = Object.entries(parameters).map(([name, value]) => `${name}=${value}`);
  return `expression(${[oneLine(expression), ...(assignments.length ? [assignments.join(', ')] : [])].join('; ')})`;
}

/** A Problem whose derivatives mathjs computes symbolically from `definition.expression`. */
export function fromExpression(definition: ExpressionDefinition): ExpressionProblem {
  const { expression } = definition;
  if (!Array.isArray(definition.variables) || definition.variables.length === 0) {
    throw new InputError('variables must list at least one variable');
  }
  const variables: readonly string[] = Object.freeze([...definition.variables]);
  const parameters: Readonly<Record<string, number>> = Object.freeze({ ...(definition.parameters ?? {}) });
  const declared = new Set<string>();
  for (const variable of variables) {
    requireSymbolName('variable', variable);
    if (declared.has(variable)) throw new InputError(`variable '${variable}' is listed twice`);
    declared.add(variable);
  }
  for (const [name, value] of Object.entries(parameters)) {
    requireSymbolName('parameter', name);
    if (declared.has(name)) throw new InputError(`parameter '${name}' is also a variable`);
    requireFinite(`parameter '${name}'`, value);
    declared.add(name);
  }
  const fStar = requireFinite('fStar', definition.fStar);
  const dim = variables.length;
  const xStar = definition.xStar === undefined ? undefined : requireVector('xStar', definition.xStar, dim);

  const root = parseExpression(expression);
  checkTree(root, declared, expression);
  const symbolic = differentiate(float64Math, root, variables, expression);

  const scope = new Map<string, number>(Object.entries(parameters));
  const load = (x: Float64Array): void => {
    for (let i = 0; i < dim; i++) scope.set(variables[i], x[i]);
  };
  const evaluate = (code: EvalFunction): number => {
    const value: unknown = code.evaluate(scope);
    if (typeof value !== 'number') {
      throw expressionError(expression, `evaluated to ${String(value)}, which is not a real number`);
    }
    return value;
  };
  const hess = (x: Float64Array, out = new Float64Array(dim * dim)): Float64Array => {
    load(x);
    let k = 0;
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j <= i; j++) {
        const value = evaluate(symbolic.hessianLower[k++]);
        out[i * dim + j] = value;
        out[j * dim + i] = value;
      }
    }
    return out;
  };
  const hessianScratch = new Float64Array(dim * dim);
  const highPrecisionCache = new Map<number, HighPrecisionProblem>();

  return {
    name: definition.name ?? defaultName(expression, parameters),
    dim,
    params: parameters,
    expression,
    variables,
    fStar,
    ...(xStar ? { xStar } : {}),
    constants: definition.constants ?? {},
    f(x) {
      load(x);
      return evaluate(symbolic.objective);
    },
    grad(x, out) {
      load(x);
      for (let i = 0; i < dim; i++) out[i] = evaluate(symbolic.gradient[i]);
      return evaluate(symbolic.objective);
    },
    hess,
    hvp(x, v, out) {
      matvec(hess(x, hessianScratch), dim, dim, v, out);
    },
    highPrecision(digits) {
      requireInteger('digits', digits, 1);
      let problem = highPrecisionCache.get(digits);
      if (!problem) {
        problem = highPrecisionProblem(bigMath(digits), digits, expression, variables, parameters, fStar);
        highPrecisionCache.set(digits, problem);
      }
      return problem;
    },
  };
}

function highPrecisionProblem(
  math: MathJsInstance,
  digits: number,
  expression: string,
  variables: readonly string[],
  parameters: Readonly<Record<string, number>>,
  fStar: number,
): HighPrecisionProblem {
  const dim = variables.length;
  const symbolic = differentiate(math, math.parse(expression), variables, expression);
  const ownBigNumber = math.bignumber(0).constructor;
  const toBigNumber = (value: string | BigNumber): BigNumber => {
    if (typeof value !== 'string' && value.constructor === ownBigNumber) return value;
    try {
      // Through the exact decimal string, so a BigNumber of another precision becomes one of this instance.
      return math.bignumber(typeof value === 'string' ? value : value.toString());
    } catch (error) {
      throw new InputError(`'${String(value)}' is not a decimal number: ${errorMessage(error)}`);
    }
  };
  const scope = new Map<string, BigNumber>(
    Object.entries(parameters).map(([name, value]) => [name, toBigNumber(exactDecimal(value))]),
  );
  const load = (x: HighPrecisionPoint): void => {
    if (x.length !== dim) throw new InputError(`x must have length ${dim}, got ${x.length}`);
    for (let i = 0; i < dim; i++) {
      const xi = toBigNumber(x[i]);
      if (!xi.isFinite()) throw new InputError(`x[${i}] must be finite, got ${xi.toString()}`);
      scope.set(variables[i], xi);
    }
  };
  const evaluate = (code: EvalFunction): BigNumber => {
    const value: unknown = code.evaluate(scope);
    if (!math.isBigNumber(value)) {
      throw expressionError(expression, `evaluated to ${String(value)}, which is not a real number`);
    }
    return value;
  };
  const bigFStar = toBigNumber(exactDecimal(fStar));
  const f = (x: HighPrecisionPoint): BigNumber => {
    load(x);
    return evaluate(symbolic.objective);
  };
  return {
    digits,
    math,
    dim,
    fStar: bigFStar,
    toBigNumber,
    f,
    grad(x) {
      load(x);
      return symbolic.gradient.map(evaluate);
    },
    hess(x) {
      load(x);
      const rows = Array.from({ length: dim }, () => new Array<BigNumber>(dim));
      let k = 0;
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j <= i; j++) {
          const value = evaluate(symbolic.hessianLower[k++]);
          rows[i][j] = value;
          rows[j][i] = value;
        }
      }
      return rows;
    },
    gap(x) {
      return f(x).minus(bigFStar);
    },
  };
}

/**
 * Problems written as a mathjs expression in scalar variables (x1, x2, ... for a vector), e.g.
 * `H0/H1*(cosh(sqrt(H1)*w)-1)` with variable w and parameters H0, H1.
 *
 * It owns the validation of such a definition, the symbolic gradient and Hessian (mathjs
 * `derivative`, simplified; second derivatives of the simplified first ones, lower triangle only),
 * their float64 evaluation (each derivative compiled to a plain JavaScript function of the point and
 * the parameter vector), and a high-precision evaluator: the same expression re-parsed in a mathjs
 * instance configured with { number: 'BigNumber', precision: digits }, so that literals such as 0.1
 * are exact decimals, differentiated there and compiled by mathjs. Parameters (and fStar) enter that
 * instance exactly as the float64 values the float64 evaluator uses (`exactDecimal`): lam = 0.1 is
 * the double nearest 1/10 in both, so the replay runs the instance that ran. Literals of the
 * expression are read as decimals in both.
 *
 * The parameters are symbols of the derivation, so it happens once per (expression, variables,
 * parameter names), float64 at the first instance and BigNumber at the first use of each precision,
 * and is kept in a module-level cache of the most recently used expressions: a family whose
 * `instance` calls `fromExpression` with new parameter values derives nothing after its first
 * instance. An instance holds only its own parameter values, so instances never share state.
 *
 * Both instances use mathjs's `predictable` mode: sqrt(-1), log(-1) and the like are NaN rather than
 * complex numbers, so a run that leaves the real domain is reported as non-finite.
 */
import type { BigNumber, EvalFunction, MathJsInstance, MathNode } from 'mathjs';
import { matvec } from '../linalg/kernels.js';
import { InputError } from '../util/errors.js';
import { requireFinite, requireInteger, requireVector } from '../util/validate.js';
import type { HighPrecisionModel, Problem, ProblemConstants } from './problem.js';
import { bigMath, exactDecimal, loadMathjs } from './highPrecision.js';

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

/** An expression with its gradient and the lower triangle of its Hessian, in some representation. */
interface Derivatives<T> {
  readonly objective: T;
  readonly gradient: readonly T[];
  /** Lower triangle of the Hessian, row by row: (0,0), (1,0), (1,1), (2,0), ... */
  readonly hessianLower: readonly T[];
}

function mapDerivatives<T, U>(derivatives: Derivatives<T>, map: (value: T) => U): Derivatives<U> {
  return {
    objective: map(derivatives.objective),
    gradient: derivatives.gradient.map(map),
    hessianLower: derivatives.hessianLower.map(map),
  };
}

/** One compiled float64 derivative: a plain function of the point and the parameter vector. */
type Float64Code = (x: ArrayLike<number>, parameters: Float64Array) => unknown;

/**
 * The same derivative at lanes 0..count-1 (src/linalg/lanes.ts: x[i][p] is coordinate i of point
 * p), written into out[p]; returns -1, or the first lane whose value is not a number.
 */
type Float64LaneCode = (x: readonly Float64Array[], parameters: Float64Array, count: number, out: Float64Array) => number;

/**
 * What one (expression, variables, parameter names) compiles to, shared by every instance of it:
 * the float64 derivatives as plain functions, and the BigNumber ones compiled once per precision.
 */
interface CompiledExpression {
  /** The parameter names in the order of the parameter vector the float64 code reads. */
  readonly parameterNames: readonly string[];
  readonly float64: Derivatives<Float64Code>;
  /** f and its gradient lane-wise: the same source, evaluated point by point in one loop. */
  readonly float64Lanes: Pick<Derivatives<Float64LaneCode>, 'objective' | 'gradient'>;
  /** The derivatives in `bigMath(digits)`, differentiated and compiled on first use. */
  bigNumber(digits: number): Derivatives<EvalFunction>;
}

let float64Instance: MathJsInstance | undefined;

/** mathjs in float64 (`predictable`: no complex results), created on first use. */
function float64Math(): MathJsInstance {
  if (!float64Instance) {
    const { all, create } = loadMathjs();
    float64Instance = create(all, { predictable: true });
  }
  return float64Instance;
}

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
  return Object.hasOwn(float64Math(), name) ? (float64Math() as unknown as Record<string, unknown>)[name] : undefined;
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
    node = float64Math().parse(name);
  } catch {
    throw new InputError(`${kind} '${name}' is not a valid symbol name`);
  }
  if (!float64Math().isSymbolNode(node) || node.name !== name) {
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
    return float64Math().parse(expression);
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
  const math = float64Math();
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

/** Differentiates the parsed expression in `math`: f, its gradient and the lower triangle of its Hessian. */
function differentiate(
  math: MathJsInstance,
  root: MathNode,
  variables: readonly string[],
  expression: string,
): Derivatives<MathNode> {
  const derivative = (node: MathNode, variable: string): MathNode => {
    try {
      return math.derivative(node, variable);
    } catch (error) {
      throw expressionError(expression, `cannot be differentiated in ${variable}: ${errorMessage(error)}`);
    }
  };
  const gradient = variables.map((variable) => derivative(root, variable));
  const hessianLower: MathNode[] = [];
  gradient.forEach((gradientNode, i) => {
    for (let j = 0; j <= i; j++) hessianLower.push(derivative(gradientNode, variables[j]));
  });
  return { objective: root, gradient, hessianLower };
}

/** mathjs's typed-function instance, with the `find` that mathjs's type declarations leave out. */
interface TypedFunctions {
  /** The implementation a typed function dispatches to for arguments of these types; throws if none. */
  find(fn: unknown, signature: readonly string[]): unknown;
}

const typedFunctions = (): TypedFunctions => float64Math().typed as unknown as TypedFunctions;

/** The JavaScript operators that compute exactly what mathjs's number implementations compute. */
const javascriptOperators: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/' };

/** A number as a JavaScript literal that reads back as the same double (signed zero included). */
function numberLiteral(value: number): string {
  return `(${Object.is(value, -0) ? '-0' : String(value)})`;
}

/** A literal finite integer, such as the 2 of x^2. */
function isIntegerConstant(node: MathNode): boolean {
  return float64Math().isConstantNode(node) && Number.isInteger(node.value);
}

/**
 * Compiles a float64 mathjs tree to a plain JavaScript function of (x, parameters), so that an
 * evaluation costs what hand-written code costs instead of a scope lookup and a typed-function
 * dispatch per node (mathjs has no compiler to JavaScript). `slots` maps each variable and parameter
 * to the element it reads (`x[0]`, `parameters[1]`). The generated source holds only those slots,
 * number literals, operators and calls of functions passed in, never text of the expression.
 *
 * It computes what mathjs's own evaluation computes, bit for bit: + - * / and unary minus are the
 * JavaScript operators (which mathjs's number implementations are); every other operator and
 * function calls the implementation mathjs dispatches to for number arguments (`typed.find`; e.g.
 * its `pow` takes odd roots of negative numbers in predictable mode, where Math.pow gives NaN).
 */
function float64Source(root: MathNode, slots: ReadonlyMap<string, string>, expression: string): { source: string; implementations: unknown[] } {
  const math = float64Math();
  const implementations: unknown[] = [];
  const call = (name: string, args: readonly string[]): string => {
    let implementation: unknown;
    try {
      implementation = typedFunctions().find(mathjsMember(name), args.map(() => 'number'));
    } catch {
      const count = `${args.length} argument${args.length === 1 ? '' : 's'}`;
      throw expressionError(expression, `calls '${name}' with ${count}, which mathjs does not define for numbers`);
    }
    let index = implementations.indexOf(implementation);
    if (index < 0) index = implementations.push(implementation) - 1;
    return `implementations[${index}](${args.join(', ')})`;
  };
  const source = (node: MathNode): string => {
    if (math.isConstantNode(node)) return numberLiteral(node.value as number);
    if (math.isSymbolNode(node)) {
      const slot = slots.get(node.name);
      if (slot !== undefined) return slot;
      if (isMathjsConstant(node.name)) return numberLiteral(mathjsMember(node.name) as number);
      throw expressionError(expression, `has an unknown symbol '${node.name}'`);
    }
    if (math.isParenthesisNode(node)) return source(node.content);
    if (math.isOperatorNode(node)) {
      const args = node.args.map(source);
      const operator = javascriptOperators[node.fn];
      if (operator !== undefined && args.length >= 2) return `(${args.join(` ${operator} `)})`;
      if (node.fn === 'unaryMinus') return `(-${args[0]})`;
      if (node.fn === 'pow' && isIntegerConstant(node.args[1])) return `Math.pow(${args[0]}, ${args[1]})`;
      return call(node.fn, args);
    }
    if (math.isFunctionNode(node)) return call(node.fn.name, node.args.map(source));
    throw expressionError(expression, `contains '${node.toString()}' (${node.type}), which cannot be compiled`);
  };
  return { source: source(root), implementations };
}

/** `float64Source` compiled to a function of (x, parameters). */
function float64Code(root: MathNode, slots: ReadonlyMap<string, string>, expression: string): Float64Code {
  const { source, implementations } = float64Source(root, slots, expression);
  return new Function('implementations', `'use strict'; return (x, parameters) => ${source};`)(implementations) as Float64Code;
}

/** `float64Source` compiled to a loop over lanes (`Float64LaneCode`): coordinate i of the lane is read once into `x<i>`. */
function float64LaneCode(root: MathNode, variables: readonly string[], parameterNames: readonly string[], expression: string): Float64LaneCode {
  const slots = new Map<string, string>([
    ...variables.map((name, i): [string, string] => [name, `x${i}`]),
    ...parameterNames.map((name, k): [string, string] => [name, `parameters[${k}]`]),
  ]);
  const { source, implementations } = float64Source(root, slots, expression);
  const columns = variables.map((_, i) => `const X${i} = x[${i}];`).join(' ');
  const reads = variables.map((_, i) => `const x${i} = X${i}[p];`).join(' ');
  const body = `'use strict'; return (x, parameters, count, out) => { ${columns}
    for (let p = 0; p < count; p++) { ${reads} const value = ${source}; if (typeof value !== 'number') return p; out[p] = value; }
    return -1; };`;
  return new Function('implementations', body)(implementations) as Float64LaneCode;
}


/** Parses, checks, differentiates and compiles one expression in its variables and parameters. */
function compileExpression(
  expression: string,
  variables: readonly string[],
  parameterNames: readonly string[],
): CompiledExpression {
  const root = parseExpression(expression);
  checkTree(root, new Set([...variables, ...parameterNames]), expression);
  const slots = new Map<string, string>([
    ...variables.map((name, i): [string, string] => [name, `x[${i}]`]),
    ...parameterNames.map((name, k): [string, string] => [name, `parameters[${k}]`]),
  ]);
  const symbolic = differentiate(float64Math(), root, variables, expression);
  const float64 = mapDerivatives(symbolic, (node) => float64Code(node, slots, expression));
  const laneCode = (node: MathNode): Float64LaneCode => float64LaneCode(node, variables, parameterNames, expression);
  const float64Lanes = { objective: laneCode(symbolic.objective), gradient: symbolic.gradient.map(laneCode) };
  const bigNumberDerivatives = new Map<number, Derivatives<EvalFunction>>();
  return {
    parameterNames,
    float64,
    float64Lanes,
    bigNumber(digits) {
      let derivatives = bigNumberDerivatives.get(digits);
      if (!derivatives) {
        const math = bigMath(digits);
        const symbolic = differentiate(math, math.parse(expression), variables, expression);
        derivatives = mapDerivatives(symbolic, (node) => node.compile());
        bigNumberDerivatives.set(digits, derivatives);
      }
      return derivatives;
    },
  };
}

/** Compiled expressions by (expression, variables, parameter names), the most recently used last. */
const compiledExpressions = new Map<string, CompiledExpression>();
/** Distinct expressions kept compiled; the least recently used is dropped beyond this. */
const compiledExpressionCapacity = 64;

function rememberCompiled(key: string, compiled: CompiledExpression): void {
  compiledExpressions.delete(key);
  compiledExpressions.set(key, compiled);
  if (compiledExpressions.size > compiledExpressionCapacity) {
    compiledExpressions.delete(compiledExpressions.keys().next().value as string);
  }
}

/** Checks the names of the variables and parameters (their values are checked per instance). */
function requireDeclarations(variables: readonly string[], parameterNames: readonly string[]): void {
  const declared = new Set<string>();
  for (const variable of variables) {
    requireSymbolName('variable', variable);
    if (declared.has(variable)) throw new InputError(`variable '${variable}' is listed twice`);
    declared.add(variable);
  }
  for (const name of parameterNames) {
    requireSymbolName('parameter', name);
    if (declared.has(name)) throw new InputError(`parameter '${name}' is also a variable`);
  }
}

/** `expression(<expression>; a=1, lam=0.1)`, or without the `;` part when there are no parameters. */
function defaultName(expression: string, parameters: Readonly<Record<string, number>>): string {
  const assignments = Object.entries(parameters).map(([name, value]) => `${name}=${value}`);
  return `expression(${[oneLine(expression), ...(assignments.length ? [assignments.join(', ')] : [])].join('; ')})`;
}

/**
 * A Problem whose derivatives mathjs computes symbolically from `definition.expression`. The
 * derivation and compilation happen once per (expression, variables, parameter names), with the
 * parameters as symbols; an instance only validates its values and binds them.
 */
export function fromExpression(definition: ExpressionDefinition): ExpressionProblem {
  const { expression } = definition;
  if (!Array.isArray(definition.variables) || definition.variables.length === 0) {
    throw new InputError('variables must list at least one variable');
  }
  const variables: readonly string[] = Object.freeze([...definition.variables]);
  const parameters: Readonly<Record<string, number>> = Object.freeze({ ...(definition.parameters ?? {}) });
  const parameterNames = Object.keys(parameters).sort();
  const key = JSON.stringify([expression, variables, parameterNames]);
  const cached = compiledExpressions.get(key);
  if (!cached) requireDeclarations(variables, Object.keys(parameters));
  for (const [name, value] of Object.entries(parameters)) requireFinite(`parameter '${name}'`, value);
  const fStar = requireFinite('fStar', definition.fStar);
  const dim = variables.length;
  const xStar = definition.xStar === undefined ? undefined : requireVector('xStar', definition.xStar, dim);
  const compiled = cached ?? compileExpression(expression, variables, parameterNames);
  rememberCompiled(key, compiled);

  const { float64, float64Lanes } = compiled;
  const parameterVector = Float64Array.from(compiled.parameterNames, (name) => parameters[name]);
  const real = (value: unknown): number => {
    if (typeof value !== 'number') {
      throw expressionError(expression, `evaluated to ${String(value)}, which is not a real number`);
    }
    return value;
  };
  const hess = (x: Float64Array, out = new Float64Array(dim * dim)): Float64Array => {
    let k = 0;
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j <= i; j++) {
        const value = real(float64.hessianLower[k++](x, parameterVector));
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
      return real(float64.objective(x, parameterVector));
    },
    grad(x, out) {
      for (let i = 0; i < dim; i++) out[i] = real(float64.gradient[i](x, parameterVector));
      return real(float64.objective(x, parameterVector));
    },
    gradLanes(x, count, grad, f, gap) {
      let failed = -1;
      for (let i = 0; i < dim && failed < 0; i++) failed = float64Lanes.gradient[i](x, parameterVector, count, grad[i]);
      if (failed < 0) failed = float64Lanes.objective(x, parameterVector, count, f);
      if (failed >= 0) {
        // Some value is not a number: `grad`, point by point, throws what it throws on the first such point.
        const point = new Float64Array(dim);
        for (let p = 0; p < count; p++) {
          for (let i = 0; i < dim; i++) point[i] = x[i][p];
          this.grad(point, new Float64Array(dim));
        }
      }
      for (let p = 0; p < count; p++) gap[p] = f[p] - fStar;
    },
    hess,
    hvp(x, v, out) {
      matvec(hess(x, hessianScratch), dim, dim, v, out);
    },
    highPrecision(digits) {
      requireInteger('digits', digits, 1);
      let problem = highPrecisionCache.get(digits);
      if (!problem) {
        const derivatives = compiled.bigNumber(digits);
        problem = highPrecisionProblem(bigMath(digits), digits, derivatives, expression, variables, parameters, fStar);
        highPrecisionCache.set(digits, problem);
      }
      return problem;
    },
  };
}

function highPrecisionProblem(
  math: MathJsInstance,
  digits: number,
  symbolic: Derivatives<EvalFunction>,
  expression: string,
  variables: readonly string[],
  parameters: Readonly<Record<string, number>>,
  fStar: number,
): HighPrecisionProblem {
  const dim = variables.length;
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

/**
 * `problem({...})`: a hand-written problem, checked field by field when it is built, with the
 * defaults filled in (name, params, constants, f* from a known minimizer, f(x) from `grad` when it
 * returns nothing). A missing or malformed field is an `InputError` that names it, instead of a
 * failure deep inside a run.
 */
import { InputError } from '../util/errors.js';
import { requireDimension, requireVector } from '../util/validate.js';
import type { BallModel } from './ballModel.js';
import type { ShadowModel } from './shadowModel.js';
import type { ConstantName, ConstantStatus, HighPrecisionModel, NamedConstant, Problem, ProblemConstants } from './problem.js';

/** What a hand-written problem gives; everything but `dim`, `f` and `grad` is optional. */
export interface ProblemDefinition {
  /** Shown in reports, e.g. `quartic(a=2)`. Default `problem`. */
  readonly name?: string;
  /** The dimension d of x. */
  readonly dim: number;
  /** The instance's parameters, for the report. Default `{}`. */
  readonly params?: Readonly<Record<string, number>>;
  f(x: Float64Array): number;
  /** Writes grad f(x) into `out`; may return f(x) (computed with `f` when it returns nothing). */
  grad(x: Float64Array, out: Float64Array): number | void;
  /** f(x) - f*, computed without cancellation where you can. */
  gap?(x: Float64Array): number;
  /** Dense Hessian, row-major d x d, written into `out` when given. */
  hess?(x: Float64Array, out?: Float64Array): Float64Array;
  /** Writes (Hess f(x)) v into `out`. */
  hvp?(x: Float64Array, v: Float64Array, out: Float64Array): void;
  /** inf f. Default f(xStar) when a minimizer is given; one of the two is required. */
  readonly fStar?: number;
  /** A minimizer, when one is known. */
  readonly xStar?: ArrayLike<number>;
  /** The theory's constants at this instance, e.g. `{ L: exact(4) }`. Default `{}`. */
  readonly constants?: ProblemConstants;
  /** The same objective in BigNumber arithmetic (see `bigModel`), so that its violations certify. */
  highPrecision?(digits: number): HighPrecisionModel;
  /** The same objective in double-double ball arithmetic (see `BallModel`), for a faster certification. */
  ballModel?(): BallModel;
  /** The same objective at points in double-double balls with Hessian bounds (see `ShadowModel`), for a faster certification. */
  shadowModel?(): ShadowModel;
}

const CONSTANT_NAMES: readonly ConstantName[] = ['L', 'mu', 'L0', 'L1', 'H0', 'H1', 'rho', 'K0', 'Krho'];
const CONSTANT_STATUSES: readonly ConstantStatus[] = ['exact', 'valid bound', 'estimate'];
const OPTIONAL_METHODS = ['gap', 'hess', 'hvp', 'highPrecision', 'ballModel', 'shadowModel'] as const;

function checkedConstants(where: string, constants: unknown): ProblemConstants {
  if (constants === undefined) return {};
  if (typeof constants !== 'object' || constants === null) throw new InputError(`${where}: constants must be an object such as { L: exact(4) }`);
  for (const [name, constant] of Object.entries(constants as Record<string, unknown>)) {
    if (!CONSTANT_NAMES.includes(name as ConstantName)) {
      throw new InputError(`${where}: constants.${name} is not a known constant (${CONSTANT_NAMES.join(', ')})`);
    }
    const { value, status } = (constant ?? {}) as Partial<NamedConstant>;
    if (typeof value !== 'number' || Number.isNaN(value) || !CONSTANT_STATUSES.includes(status as ConstantStatus)) {
      throw new InputError(`${where}: constants.${name} must be built with exact(value), validBound(value) or estimate(value), got ${JSON.stringify(constant)}`);
    }
  }
  return constants as ProblemConstants;
}

function checkedParams(where: string, params: unknown): Readonly<Record<string, number>> {
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null) throw new InputError(`${where}: params must be an object of numbers`);
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    if (typeof value !== 'number') throw new InputError(`${where}: params.${name} must be a number, got ${JSON.stringify(value)}`);
  }
  return params as Readonly<Record<string, number>>;
}

/** The value of f at x, which must be a number (NaN: a domain error of the problem's own code). */
function checkedValue(where: string, what: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new InputError(`${where}: ${what} must be a number, got ${String(value)}`);
  return value;
}

/**
 * A `Problem` from a hand-written definition, validated: `dim` an integer >= 1, `f` and `grad`
 * functions, the optional methods functions, `fStar` a number (or `xStar`, a finite vector of
 * length dim, given instead), `constants` built with `exact` / `validBound` / `estimate` under
 * the theory's names. At `xStar`, f and the gradient must be numbers. Every failure is an
 * `InputError` that names the problem and the field.
 */
export function problem(definition: ProblemDefinition): Problem {
  if (typeof definition !== 'object' || definition === null) throw new InputError('problem({...}) needs an object with dim, f and grad');
  const name = definition.name ?? 'problem';
  if (typeof name !== 'string' || name.length === 0) throw new InputError(`problem name must be a non-empty string, got ${JSON.stringify(name)}`);
  const where = `problem ${name}`;
  const dim = requireDimension(`${where}: dim`, definition.dim);
  if (typeof definition.f !== 'function') throw new InputError(`${where}: f must be a function f(x) returning f at x`);
  if (typeof definition.grad !== 'function') {
    throw new InputError(`${where}: grad must be a function grad(x, out) writing the gradient into out`);
  }
  for (const method of OPTIONAL_METHODS) {
    if (definition[method] !== undefined && typeof definition[method] !== 'function') {
      throw new InputError(`${where}: ${method} must be a function when given, got ${typeof definition[method]}`);
    }
  }
  const f = definition.f.bind(definition);
  const userGrad = definition.grad.bind(definition);
  const grad = (x: Float64Array, out: Float64Array): number => {
    const value = userGrad(x, out);
    return typeof value === 'number' ? value : f(x);
  };
  const xStar = definition.xStar === undefined ? undefined : requireVector(`${where}: xStar`, definition.xStar, dim);
  if (xStar) {
    checkedValue(where, 'f(xStar)', f(Float64Array.from(xStar)));
    const gradient = new Float64Array(dim);
    checkedValue(where, 'the value grad returns at xStar', grad(Float64Array.from(xStar), gradient));
    gradient.forEach((g, i) => checkedValue(where, `grad(xStar)[${i}]`, g));
  }
  let fStar: number;
  if (definition.fStar !== undefined) fStar = checkedValue(where, 'fStar', definition.fStar);
  else if (xStar) fStar = f(Float64Array.from(xStar));
  else throw new InputError(`${where}: fStar is missing (give inf f, or xStar, a minimizer, for f* = f(xStar))`);
  if (fStar === Infinity) throw new InputError(`${where}: fStar must be below +Infinity`);
  const { gap, hess, hvp, highPrecision, ballModel, shadowModel } = definition;
  return {
    name,
    dim,
    params: checkedParams(where, definition.params),
    f,
    grad,
    ...(gap ? { gap: gap.bind(definition) } : {}),
    ...(hess ? { hess: hess.bind(definition) } : {}),
    ...(hvp ? { hvp: hvp.bind(definition) } : {}),
    fStar,
    ...(xStar ? { xStar } : {}),
    constants: checkedConstants(where, definition.constants),
    ...(highPrecision ? { highPrecision: highPrecision.bind(definition) } : {}),
    ...(ballModel ? { ballModel: ballModel.bind(definition) } : {}),
    ...(shadowModel ? { shadowModel: shadowModel.bind(definition) } : {}),
  };
}

/**
 * The `Claim` type and `claim({...})`: an inequality from a paper, the family it quantifies over,
 * the hypotheses each instance must meet, and the verdict we expect. A claim file's default export
 * is built with `claim`; the search (src/search) tries to break it.
 */
import { InputError } from '../util/errors.js';
import type { Family, Instance, ParameterBox, Params } from './family.js';
import type { Measure, MeasureRun } from './measures.js';

/** `upper`: the statement is lhs <= rhs; `lower`: lhs >= rhs. */
export type ClaimKind = 'upper' | 'lower';

/**
 * Where a formula comes from: the paper's own text as read (`primary`), a restatement of it by
 * someone else (`secondary`), or our own derivation (`derived`).
 */
export type Provenance = 'primary' | 'secondary' | 'derived';

/** Where a claim's formula comes from. */
export interface ClaimSource {
  /** Authors, year, title or identifier, e.g. `Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164`. */
  readonly reference: string;
  /** The result's number in that version, e.g. `Theorem 4.3`. */
  readonly result: string;
  /** The version read, e.g. `arXiv v2` or `Math. Program. 145`. */
  readonly version: string;
  readonly provenance: Provenance;
  /** The provenance tag in the notes on the paper (docs/theory/), e.g. `[S-A]` or `[D]`. */
  readonly tag?: string;
}

/**
 * The group of the README's Findings (and of out/report.md) a claim's result belongs to:
 * `printed-refuted`, a statement as printed (or restated by a secondary source) that the checks
 * refute; `reconstruction-refuted`, a statement resting on our reconstruction that they refute;
 * `pinned-down`, a constant or condition the checks pin down (a claim that fails past it, or the one
 * that holds up to it); `control`, a statement outside the result's hypotheses, expected to fail.
 */
export type FindingGroup = 'printed-refuted' | 'reconstruction-refuted' | 'pinned-down' | 'control';

/** The Findings' groups, in the order they are shown. */
export const FINDING_GROUPS: readonly FindingGroup[] = ['printed-refuted', 'reconstruction-refuted', 'pinned-down', 'control'];

/** What a claim's verdict tells about the paper, for the Findings. */
export interface Finding {
  readonly group: FindingGroup;
  /**
   * One paragraph: what the verdict shows, the quantifier the claim uses, and where its family is
   * narrower than the paper's class. The numbers (counterexample, tightness) are added from the
   * report, never typed here.
   */
  readonly text: string;
}

/** A condition of the result on the instance; an instance where it fails is discarded, never counted. */
export interface Hypothesis<I extends Instance = Instance, B extends ParameterBox = ParameterBox> {
  /** Shown in the report's count of discarded instances. */
  readonly name: string;
  /** Whether the instance at `params` satisfies the hypothesis. */
  holds(instance: I, params: Params<B>): boolean;
}

/**
 * The instance type `I` and the parameter box `B` are inferred from the family alone (`NoInfer`
 * elsewhere), so the rhs and the hypotheses get parameters typed by the box; `R`, what the rhs
 * receives as its run, is inferred from the measure.
 */
export interface ClaimDefinition<I extends Instance = Instance, R extends MeasureRun = MeasureRun, B extends ParameterBox = ParameterBox> {
  /** Stable identifier, e.g. `classical.O1`. Letters, digits, `.`, `-`, `_`. */
  readonly id: string;
  /** One line: the statement, e.g. `GD on smooth convex functions: f(x_N) - f* <= L R^2 / (4Nh + 2)`. */
  readonly title: string;
  readonly source: ClaimSource;
  readonly kind: ClaimKind;
  /** What the claim quantifies over. */
  readonly family: Family<I, B>;
  /** The left-hand side, measured at each instance (`gapAt()`, `firstHit(eps)`, `pointwise(...)`, ...). */
  readonly lhs: Measure<NoInfer<I>, R>;
  /**
   * The bound, as printed, evaluated at the instance. `run` is the trajectory the measure ran
   * (`gapAt`, `minGradNorm`, `trajectoryMeasure`, ...: the bound may read it, e.g.
   * f(x_0) - f(x_N) = run.gap[0] - run.gap[run.steps]); `undefined` for pointwise measures and for
   * measures that size their run from the bound (`firstHit`). When certifying, it is the
   * high-precision replay's run.
   */
  rhs(instance: NoInfer<I>, params: Params<NoInfer<B>>, run: NoInfer<R>): number;
  /** How the bound reads in a table, e.g. `L R^2 / (4Nh + 2)`. */
  readonly rhsLabel: string;
  /** Conditions of the result; instances failing one are discarded and counted, never reported. Default none. */
  readonly hypotheses?: ReadonlyArray<Hypothesis<NoInfer<I>, NoInfer<B>>>;
  /** The verdict we expect from the search; the test suite and the main job compare against it. */
  readonly expected?: 'holds' | 'violated';
  /** Its place in the Findings, for a claim whose verdict says something about the paper (every built-in claim expected violated). */
  readonly finding?: Finding;
  /**
   * How many evaluations of a search's budget one instance counts for: an integer, default 1. For a
   * claim whose every instance does the work of many (a step-size sweep of 1000 starts), so that a
   * budget measures about the same work on every claim: a search at budget B evaluates
   * floor(B / evaluationCost) instances (at least 1), and its report states both.
   */
  readonly evaluationCost?: number;
  /**
   * Scale of the normalized margin (lhs - rhs) / scale. Default: max(|lhs|, |rhs|), so margins are
   * relative; give one when both sides can vanish together.
   */
  scale?(lhs: number, rhs: number, instance: NoInfer<I>): number;
}

/** A claim built with `claim({...})`, its defaults filled in. */
export interface Claim<I extends Instance = Instance, R extends MeasureRun = MeasureRun, B extends ParameterBox = ParameterBox>
  extends ClaimDefinition<I, R, B> {
  readonly hypotheses: ReadonlyArray<Hypothesis<I, B>>;
  readonly expected: 'holds' | 'violated';
  readonly evaluationCost: number;
  readonly [claimBrand]: true;
}

const claimBrand = Symbol.for('boundcheck.claim');

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A claim, checked field by field (one-line InputErrors). */
export function claim<I extends Instance, R extends MeasureRun = MeasureRun, B extends ParameterBox = ParameterBox>(
  definition: ClaimDefinition<I, R, B>,
): Claim<I, R, B> {
  const where = `claim ${definition.id ?? '(no id)'}`;
  if (typeof definition.id !== 'string' || !ID_PATTERN.test(definition.id)) {
    throw new InputError(`claim id must match ${ID_PATTERN}, got ${JSON.stringify(definition.id)}`);
  }
  if (definition.kind !== 'upper' && definition.kind !== 'lower') {
    throw new InputError(`${where}: kind must be 'upper' or 'lower', got ${JSON.stringify(definition.kind)}`);
  }
  const provenances: Provenance[] = ['primary', 'secondary', 'derived'];
  if (!definition.source || !provenances.includes(definition.source.provenance)) {
    throw new InputError(`${where}: source.provenance must be one of ${provenances.join(', ')}`);
  }
  if (!definition.family || typeof definition.family.instance !== 'function') {
    throw new InputError(`${where}: family must be built with family({...})`);
  }
  if (!definition.lhs || typeof definition.lhs.evaluate !== 'function') {
    throw new InputError(`${where}: lhs must be a measure (gapAt, firstHit, pointwise, ...)`);
  }
  if (typeof definition.rhs !== 'function') throw new InputError(`${where}: rhs must be a function of the instance`);
  const finding = definition.finding;
  if (finding !== undefined && (!FINDING_GROUPS.includes(finding.group) || typeof finding.text !== 'string' || finding.text.trim() === '')) {
    throw new InputError(`${where}: finding must have a group (${FINDING_GROUPS.join(', ')}) and a non-empty text`);
  }
  const evaluationCost = definition.evaluationCost ?? 1;
  if (!Number.isInteger(evaluationCost) || evaluationCost < 1) {
    throw new InputError(`${where}: evaluationCost must be an integer >= 1, got ${JSON.stringify(definition.evaluationCost)}`);
  }
  return {
    ...definition,
    hypotheses: definition.hypotheses ?? [],
    expected: definition.expected ?? 'holds',
    evaluationCost,
    [claimBrand]: true,
  };
}

/** Whether a value was built with `claim({...})` (how claim files' exports are recognised). */
export function isClaim(value: unknown): value is Claim {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[claimBrand] === true;
}

/**
 * The JSON report of a search (schema `boundcheck-report/1`, documented in README.md): the claim
 * and its source with provenance (citations resolved to docs/theory/), the verdict, the worst margin, tightness, the certified
 * counterexample with its replay command, seeds and budget. Written atomically; the same seed and
 * budget give the same bytes (wall-clock time is left out unless asked for).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ID_PATTERN, type Claim, type Finding } from '../claims/claim.js';
import type { Evaluation } from '../claims/evaluate.js';
import type { Instance, Params } from '../claims/family.js';
import type { TrajectorySummary } from '../claims/measures.js';
import type { Certificate } from '../search/certify.js';
import type { IncompleteReason, SearchResult, Verdict } from '../search/falsify.js';
import { InputError } from '../util/errors.js';
import { citedSource, resolveCitations, theoryNoteOf } from './citation.js';

export const REPORT_SCHEMA = 'boundcheck-report/1';

export const EVIDENCE_NOTE =
  'A search can refute a bound, never prove it: "holds" means no violation was found within the budget, which is evidence, not proof.';

export interface PointReport {
  readonly params: Params;
  readonly status: Evaluation['status'];
  readonly lhs: number;
  readonly rhs: number;
  readonly margin: number;
  readonly censored?: boolean;
  readonly trajectory?: TrajectorySummary;
}

export interface CounterexampleReport extends PointReport {
  readonly x0?: number[];
  readonly horizon?: number;
  /** The point the search found before simplification. */
  readonly found: PointReport;
  readonly certificate: Certificate;
  readonly fastCheck?: { readonly seed: number; readonly path: string };
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly claim: {
    readonly id: string;
    readonly title: string;
    readonly kind: Claim['kind'];
    readonly statement: string;
    readonly family: string;
    readonly box: Claim['family']['box'];
    readonly hypotheses: string[];
    readonly expected: Claim['expected'];
    /** The claim's place in the Findings, when it has one. */
    readonly finding?: Finding;
    /** The claim file, relative to the report's folder (or to the working folder of a report not written). */
    readonly file?: string;
    /** The claim file's absolute path when the report was written: the fallback when `file` is not found. */
    readonly absoluteFile?: string;
    /** The claim's export name in its file (`default`, or a broken twin's name). */
    readonly export?: string;
  };
  readonly source: Claim['source'];
  readonly verdict: Verdict;
  /** Why the search is `incomplete` (only then): `time-limit` or `all-discarded`. */
  readonly reason?: IncompleteReason;
  readonly evidence: string;
  readonly tolerance: number;
  readonly certification: { readonly digits: readonly number[]; readonly lhsAgreement: number };
  readonly search: {
    readonly seed: number;
    readonly budget: number;
    /** The claim's `evaluationCost`, only when it is not 1: the search evaluated floor(budget / evaluationCost) instances. */
    readonly evaluationCost?: number;
    readonly evaluations: number;
    readonly discarded: number;
    readonly discardedBy: Readonly<Record<string, number>>;
    /** Evaluations stopped at their time or memory limit (the first few kept to replay); only when there were some. */
    readonly stopped?: SearchResult['stopped'];
    readonly stages: SearchResult['stages'];
  };
  readonly worst: PointReport | null;
  readonly tightness: number | null;
  readonly counterexample: CounterexampleReport | null;
  readonly uncertified: ReadonlyArray<PointReport & { readonly certificate: Certificate }>;
  readonly replay: string | null;
  readonly timeSeconds?: number;
}

function point(e: Evaluation): PointReport {
  return {
    params: e.params,
    status: e.status,
    lhs: e.lhs,
    rhs: e.rhs,
    margin: e.margin,
    ...(e.censored ? { censored: true } : {}),
    ...(e.trajectory ? { trajectory: e.trajectory } : {}),
  };
}

export function statementOf(claim: Claim<Instance>): string {
  return `${claim.lhs.label} ${claim.kind === 'upper' ? '<=' : '>='} ${claim.rhsLabel}`;
}

export function buildReport(
  claim: Claim<Instance>,
  result: SearchResult,
  options: { claimFile?: string; exportName?: string; reportFile?: string; timeSeconds?: number } = {},
): Report {
  const counterexample = result.counterexample;
  let counterexampleReport: CounterexampleReport | null = null;
  if (counterexample) {
    const instance = claim.family.instance(counterexample.simplified.params);
    counterexampleReport = {
      ...point(counterexample.simplified),
      ...(instance.x0 ? { x0: Array.from(instance.x0) } : {}),
      ...(instance.horizon !== undefined ? { horizon: instance.horizon } : {}),
      found: point(counterexample.found),
      certificate: counterexample.certificate,
      ...(counterexample.fastCheckPath ? { fastCheck: { seed: result.seed, path: counterexample.fastCheckPath } } : {}),
    };
  }
  const claimFile = options.claimFile
    ? relative(options.reportFile ? dirname(resolve(options.reportFile)) : process.cwd(), options.claimFile)
    : undefined;
  return {
    schema: REPORT_SCHEMA,
    claim: {
      id: claim.id,
      title: claim.title,
      kind: claim.kind,
      statement: statementOf(claim),
      family: claim.family.name,
      box: claim.family.box,
      hypotheses: claim.hypotheses.map((h) => h.name),
      expected: claim.expected,
      ...(claim.finding ? { finding: { group: claim.finding.group, text: resolveCitations(claim.finding.text, theoryNoteOf(claim.source)) } } : {}),
      ...(claimFile ? { file: claimFile, absoluteFile: resolve(options.claimFile!), export: options.exportName ?? 'default' } : {}),
    },
    source: citedSource(claim.source),
    verdict: result.verdict,
    ...(result.reason ? { reason: result.reason } : {}),
    evidence: EVIDENCE_NOTE,
    tolerance: result.tolerance,
    certification: result.certification,
    search: {
      seed: result.seed,
      budget: result.budget,
      ...(result.evaluationCost !== undefined ? { evaluationCost: result.evaluationCost } : {}),
      evaluations: result.evaluations,
      discarded: result.discarded,
      discardedBy: result.discardedBy,
      ...(result.stopped.timeout + result.stopped.outOfMemory > 0 ? { stopped: result.stopped } : {}),
      stages: result.stages,
    },
    worst: result.worst ? point(result.worst) : null,
    tightness: result.tightness ?? null,
    counterexample: counterexampleReport,
    uncertified: result.uncertified.map((u) => ({ ...point(u.evaluation), certificate: u.certificate })),
    replay:
      counterexampleReport && options.reportFile
        ? `npx boundcheck replay ${relative(process.cwd(), options.reportFile)}`
        : null,
    ...(options.timeSeconds !== undefined ? { timeSeconds: options.timeSeconds } : {}),
  };
}

/** JSON with non-finite numbers written as the strings "Infinity", "-Infinity", "NaN". */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}

/** Reads numbers back from `toJson`'s strings. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text, (_key, v) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : v)) as T;
}

/**
 * A file written by `toJson` whose `schema` is one of `schemas`; anything else is an InputError
 * with one line naming the file.
 */
export function readJsonFile<T extends { readonly schema: string }>(path: string, schemas: readonly string[], what: string): T {
  let parsed: { readonly schema?: unknown } | null;
  try {
    parsed = fromJson(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof parsed?.schema !== 'string' || !schemas.includes(parsed.schema)) {
    throw new InputError(`${path} is not a ${what} (${schemas.join(' or ')})`);
  }
  return parsed as T;
}

/**
 * The claim file a report names, found from any working folder: `file` resolved against the folder
 * of the report read from `reportPath`, else the absolute path recorded when it was written. An
 * InputError naming both when neither exists.
 */
export function claimFileOf(report: Pick<Report, 'claim'>, reportPath: string): string {
  const { file, absoluteFile } = report.claim;
  if (file === undefined) throw new InputError(`${reportPath} does not name its claim file`);
  const besideReport = isAbsolute(file) ? file : resolve(dirname(reportPath), file);
  if (existsSync(besideReport)) return besideReport;
  if (absoluteFile !== undefined && existsSync(absoluteFile)) return absoluteFile;
  throw new InputError(`the claim file of ${reportPath} is neither at ${besideReport} nor at ${absoluteFile ?? '(no absolute path recorded)'}`);
}

/** The report as if written in `folder`: its claim file made relative to that folder. */
export function withReportFolder<R extends Pick<Report, 'claim'>>(report: R, fromFolder: string, toFolder: string): R {
  const { file } = report.claim;
  if (file === undefined || isAbsolute(file)) return report;
  return { ...report, claim: { ...report.claim, file: relative(resolve(toFolder), resolve(fromFolder, file)) } };
}

/** A falsify report (schema `boundcheck-report/1`). */
export function readReport(path: string): Report {
  return readJsonFile<Report>(path, [REPORT_SCHEMA], 'boundcheck report');
}

/**
 * A claim id fit to name a file (reports/ID.json, out/figures/ID/): the pattern `claim()` enforces,
 * checked again wherever a path is built from an id, since a claim object (or a report) can be made
 * without `claim()`.
 */
export function safeId(id: unknown): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new InputError(`claim id ${JSON.stringify(id)} cannot name a file: ids match ${ID_PATTERN}`);
  }
  return id;
}

/**
 * Writes `contents` to `file` atomically: a temporary file in the same folder, then a rename. A
 * failure (no space, file too large, no permission) removes the temporary file and is an InputError
 * of one line naming the file and the cause: `file` is then as it was.
 */
export function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new InputError(`cannot write ${file}: ${code ? `${code} (${DISK_ERRORS[code] ?? message.split('\n')[0]})` : message.split('\n')[0]}`);
  }
}

/** Removes a temporary file if it is there; a path that cannot hold one (ENOTDIR) has none to remove. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing was written there
  }
}

const DISK_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EFBIG: 'file too large',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'the path is a folder',
};

/**
 * `boundcheck report --html|--latex [REPORT.json]`: the HTML page (REPORT.html) or the LaTeX
 * verdict tables (REPORT.tex) of a check result (out/report.json by default) or of a single
 * falsify report, written atomically next to it. For the page, each claim that did not hold is
 * re-run by GD from its claim file for its drill-down chart.
 */
import { join } from 'node:path';
import { evaluateClaim } from '../claims/evaluate.js';
import { checkHtml, drillDownPoint, type CheckResult, type DrillDown } from '../report/html.js';
import { checkLatex } from '../report/latex.js';
import { claimFileOf, readJsonFile, REPORT_SCHEMA, writeAtomically, type Report } from '../report/report.js';
import { InputError } from '../util/errors.js';
import { loadTarget } from './falsify.js';
import { instanceFigure } from './plot.js';
import { trustedClaimFile } from './trust.js';

export const CHECK_SCHEMA = 'boundcheck-check/1';
const DEFAULT_CHECK_REPORT = join('out', 'report.json');

/** The options `report` reads (a subset of the command line's). */
export interface ReportCliValues {
  readonly html?: boolean;
  readonly latex?: boolean;
  /** Claims that held whose drill-down the page adds, by id (comma-separated), or `all`. */
  readonly 'drill-down'?: string;
  readonly trust?: boolean;
}

/** A check result, or a single falsify report as a check of one claim. */
function readCheckResult(path: string): CheckResult {
  const parsed = readJsonFile<CheckResult & { readonly schema: string }>(path, [CHECK_SCHEMA, REPORT_SCHEMA], 'check result or boundcheck report');
  if (parsed.schema === CHECK_SCHEMA) return parsed;
  const report = parsed as unknown as Report;
  return { seed: report.search.seed, budget: report.search.budget, claims: [report] };
}

/**
 * The drill-down of a claim that did not hold, at the point html.ts shows (its counterexample,
 * else its first inconclusive candidate, else its worst point): the claim loaded from its file and
 * export, and for a statement about a run the figure of `boundcheck plot` (the run re-done by GD
 * against the bound as a function of t); a pointwise statement needs no run; a statistical one is
 * evaluated again at the point for its sample (estimate, interval, level). A claim that cannot
 * be loaded, or a point with no run, gives the reason instead.
 */
async function drillDownOf(report: Report, claimFile: (report: Report) => string): Promise<DrillDown> {
  const shown = drillDownPoint(report);
  if (!shown) return { kind: 'unavailable', reason: 'the search kept no point' };
  try {
    const target = await loadTarget(claimFile(report), report.claim.export);
    if (target.claim.lhs.certification === 'pointwise') return { kind: 'point' };
    if (target.claim.lhs.certification === 'statistical') {
      // The sample is not in the report: the statement is evaluated again at the point (seeded, the same sample).
      const { statistics } = evaluateClaim(target.claim, shown.point.params);
      return statistics ? { kind: 'statistical', statistics } : { kind: 'unavailable', reason: 'the statistical measure kept no sample' };
    }
    const { spec, caption } = instanceFigure(target.claim, shown);
    return { kind: 'run', spec, caption };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'unavailable', reason: error.message };
    throw error;
  }
}

/**
 * The drill-downs, by claim id, of every claim of a check that did not hold and of the claims
 * `requested` (ids that held, shown at their worst point); `claimFile` finds (and vets) the claim
 * file a report names.
 */
export async function drillDowns(
  claims: readonly Report[],
  claimFile: (report: Report) => string,
  requested: ReadonlySet<string> = new Set(),
): Promise<Map<string, DrillDown>> {
  const found = new Map<string, DrillDown>();
  for (const report of claims) {
    if (report.verdict !== 'holds' || requested.has(report.claim.id)) found.set(report.claim.id, await drillDownOf(report, claimFile));
  }
  return found;
}

/** `--drill-down ID,...|all`: the ids of claims that held whose drill-down is asked for; an unknown id is an input error. */
function requestedDrillDowns(option: string | undefined, claims: readonly Report[]): Set<string> {
  if (option === undefined) return new Set();
  const held = claims.filter((r) => r.verdict === 'holds').map((r) => r.claim.id);
  if (option.trim() === 'all') return new Set(held);
  const ids = option.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new InputError('--drill-down needs claim ids separated by commas, or all');
  const known = new Set(claims.map((r) => r.claim.id));
  for (const id of ids) {
    if (!known.has(id)) throw new InputError(`--drill-down: no claim ${JSON.stringify(id)} in this report`);
  }
  return new Set(ids);
}

/** REPORT.json -> REPORT.html or REPORT.tex. */
function siblingFile(reportFile: string, extension: 'html' | 'tex'): string {
  return `${reportFile.replace(/\.json$/i, '')}.${extension}`;
}

export async function runReport(positionals: string[], values: ReportCliValues): Promise<number> {
  if (!values.html && !values.latex) throw new InputError('report needs --html or --latex (the formats it writes)');
  if (values['drill-down'] !== undefined && !values.html) throw new InputError('--drill-down adds drill-downs to the HTML page: give --html too');
  if (positionals.length > 1) throw new InputError('report takes at most one report file');
  const reportFile = positionals[0] ?? DEFAULT_CHECK_REPORT;
  const check = readCheckResult(reportFile);
  const written: string[] = [];
  if (values.html) {
    const htmlFile = siblingFile(reportFile, 'html');
    const trusted = (report: Report): string => trustedClaimFile(reportFile, claimFileOf(report, reportFile), values.trust ?? false);
    const requested = requestedDrillDowns(values['drill-down'], check.claims);
    writeAtomically(htmlFile, checkHtml(check, await drillDowns(check.claims, trusted, requested)));
    written.push(htmlFile);
  }
  if (values.latex) {
    const texFile = siblingFile(reportFile, 'tex');
    writeAtomically(texFile, checkLatex(check));
    written.push(texFile);
  }
  console.log(`wrote ${written.join(' and ')}`);
  return 0;
}

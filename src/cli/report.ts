/**
 * `boundcheck report --html|--latex [REPORT.json]`: the HTML page (REPORT.html) or the LaTeX
 * verdict tables (REPORT.tex) of a check result (out/report.json by default) or of a single
 * falsify report, written atomically next to it. For the page, each counterexample is re-run by GD
 * from its claim file for its drill-down chart.
 */
import { join } from 'node:path';
import { run } from '../gd/run.js';
import { checkHtml, type CheckResult, type CounterexampleRun } from '../report/html.js';
import { checkLatex } from '../report/latex.js';
import { claimFileOf, readJsonFile, REPORT_SCHEMA, writeAtomically, type Report } from '../report/report.js';
import { InputError } from '../util/errors.js';
import { loadTarget } from './falsify.js';

export const CHECK_SCHEMA = 'boundcheck-check/1';
const DEFAULT_CHECK_REPORT = join('out', 'report.json');

/** The options `report` reads (a subset of the command line's). */
export interface ReportCliValues {
  readonly html?: boolean;
  readonly latex?: boolean;
}

/** A check result, or a single falsify report as a check of one claim. */
function readCheckResult(path: string): CheckResult {
  const parsed = readJsonFile<CheckResult & { readonly schema: string }>(path, [CHECK_SCHEMA, REPORT_SCHEMA], 'check result or boundcheck report');
  if (parsed.schema === CHECK_SCHEMA) return parsed;
  const report = parsed as unknown as Report;
  return { seed: report.search.seed, budget: report.search.budget, claims: [report] };
}

/**
 * Re-runs a report's counterexample: the claim from its file and export, the instance at the
 * counterexample's parameters, GD over as many steps as the claim's measure ran (the horizon for
 * f(x_T) - f*, the first hit for K(eps)), or over the instance's horizon when the report does not
 * say. A claim that cannot be loaded or a statement at a point with no run gives the reason instead.
 */
async function rerunCounterexample(report: Report, reportPath: string): Promise<CounterexampleRun> {
  const { claim, counterexample } = report;
  if (!counterexample) throw new Error(`${claim.id} has no counterexample to re-run`);
  try {
    const target = await loadTarget(claimFileOf(report, reportPath), claim.export);
    const instance = target.claim.family.instance(counterexample.params);
    const steps = counterexample.trajectory?.steps ?? instance.horizon;
    if (!instance.schedule || !instance.x0 || steps === undefined) {
      return { unavailable: 'the statement is about a point, with no GD run' };
    }
    const trajectory = run(instance.problem, instance.schedule, instance.x0, { maxSteps: steps });
    return { gap: Array.from(trajectory.gap), stop: trajectory.stop };
  } catch (error) {
    if (error instanceof InputError) return { unavailable: error.message };
    throw error;
  }
}

/** The re-runs of every violated claim of a check read from (or written to) `reportPath`, by claim id. */
export async function rerunCounterexamples(claims: readonly Report[], reportPath: string): Promise<Map<string, CounterexampleRun>> {
  const runs = new Map<string, CounterexampleRun>();
  for (const report of claims) {
    if (report.counterexample) runs.set(report.claim.id, await rerunCounterexample(report, reportPath));
  }
  return runs;
}

/** REPORT.json -> REPORT.html or REPORT.tex. */
function siblingFile(reportFile: string, extension: 'html' | 'tex'): string {
  return `${reportFile.replace(/\.json$/i, '')}.${extension}`;
}

export async function runReport(positionals: string[], values: ReportCliValues): Promise<number> {
  if (!values.html && !values.latex) throw new InputError('report needs --html or --latex (the formats it writes)');
  if (positionals.length > 1) throw new InputError('report takes at most one report file');
  const reportFile = positionals[0] ?? DEFAULT_CHECK_REPORT;
  const check = readCheckResult(reportFile);
  const written: string[] = [];
  if (values.html) {
    const htmlFile = siblingFile(reportFile, 'html');
    writeAtomically(htmlFile, checkHtml(check, await rerunCounterexamples(check.claims, reportFile)));
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

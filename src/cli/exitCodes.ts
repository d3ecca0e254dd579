/**
 * The command line's exit codes, in one place (README.md, "Exit codes"): what a verdict exits with,
 * and which of several claims' codes `check` exits with.
 */
import type { Report } from '../report/report.js';

export const EXIT = {
  holds: 0,
  /** A certified violation or divergence; for `check`, also a verdict other than the expected one. */
  violated: 1,
  badInput: 2,
  inconclusive: 3,
  incomplete: 4,
  internalError: 70,
} as const;

export function exitCodeOf(verdict: Report['verdict']): number {
  switch (verdict) {
    case 'holds':
      return EXIT.holds;
    case 'violated':
    case 'diverged':
      return EXIT.violated;
    case 'inconclusive':
      return EXIT.inconclusive;
    case 'incomplete':
      return EXIT.incomplete;
  }
}

/**
 * One claim of `check`: 0 when its verdict is the expected one, 3 or 4 when the search was
 * inconclusive or incomplete (it said nothing either way), 1 when it reached another verdict.
 */
export function checkExitCodeOf(report: Report): number {
  if (report.verdict === report.claim.expected) return EXIT.holds;
  if (report.verdict === 'inconclusive' || report.verdict === 'incomplete') return exitCodeOf(report.verdict);
  return EXIT.violated;
}

/** From least to most severe: `check` exits with the most severe code among its claims. */
const SEVERITY: readonly number[] = [EXIT.holds, EXIT.incomplete, EXIT.inconclusive, EXIT.violated];

export function worstExitCode(codes: readonly number[]): number {
  return codes.reduce((worst, code) => (SEVERITY.indexOf(code) > SEVERITY.indexOf(worst) ? code : worst), EXIT.holds);
}

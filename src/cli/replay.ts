/**
 * `boundcheck replay REPORT.json`: re-evaluates the report's counterexample from its claim file, in
 * float64 and in high precision (ball or shadow double-double with BigNumber as the fallback, or BigNumber
 * alone with `--certify bignumber`), and says whether it still violates the claim.
 */
import { evaluateClaim } from '../claims/evaluate.js';
import { claimFileOf, readReport } from '../report/report.js';
import { certify, type CertificationMethod } from '../search/certify.js';
import { InputError } from '../util/errors.js';
import { loadTarget } from './falsify.js';
import { trustedClaimFile } from './trust.js';

const METHODS: readonly CertificationMethod[] = ['auto', 'bignumber'];

export async function runReplay(positionals: string[], values: { readonly trust?: boolean; readonly certify?: string } = {}): Promise<number> {
  if (positionals.length !== 1) throw new InputError('replay takes exactly one report file');
  const method = (values.certify ?? 'auto') as CertificationMethod;
  if (!METHODS.includes(method)) throw new InputError(`--certify must be auto or bignumber, got ${values.certify}`);
  const [path] = positionals;
  const report = readReport(path);
  if (!report.counterexample) throw new InputError(`${path} has no counterexample to replay (verdict ${report.verdict})`);
  const target = await loadTarget(trustedClaimFile(path, claimFileOf(report, path), values.trust ?? false), report.claim.export);
  // The same parameters name the same instance only in the same family: a claim file edited since
  // would replay another run.
  if (target.claim.family.name !== report.claim.family) {
    throw new InputError(`${path}: the claim's family is not the one the report searched (report: "${report.claim.family}"; now: "${target.claim.family.name}"); rerun the search`);
  }
  const evaluation = evaluateClaim(target.claim, report.counterexample.params, { tolerance: report.tolerance });
  console.log(`${target.claim.id} at ${JSON.stringify(report.counterexample.params)}`);
  console.log(`  float64: lhs ${evaluation.lhs}, rhs ${evaluation.rhs}, margin ${evaluation.margin} (${evaluation.status})`);
  if (evaluation.status !== report.counterexample.status) {
    console.log('  the counterexample no longer violates the claim');
    return 0;
  }
  // A statistical violation is certified with the Bonferroni count its search certified it at.
  const { comparisons } = report.counterexample.certificate;
  const certificate = certify(target.claim, evaluation, report.tolerance, { method, ...(comparisons !== undefined ? { searchSize: comparisons } : {}) });
  const { enclosure } = certificate;
  if (enclosure) console.log(`  ${certificate.method}: lhs in [${enclosure.lhs.join(', ')}], margin in [${enclosure.margin.join(', ')}]`);
  for (const r of certificate.replays) console.log(`  ${r.digits} digits: lhs ${r.lhs}, margin ${r.margin} (${r.status})`);
  console.log(`  ${certificate.status}: ${certificate.reason}`);
  return certificate.status === 'certified' ? 1 : 0;
}

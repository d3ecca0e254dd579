/**
 * Evaluator process: evaluates (or certifies) one point of a claim per message and sends the result
 * back (or only loads a claim file, to have it ready). It runs the claim's code, which may loop or allocate without end: the pool in workers.ts
 * kills it at its time or memory limit and starts a fresh one. Claim files are loaded once per
 * process; it says `started` when a task had to load its claim first, so that the pool times the
 * evaluation, not the load.
 */
import type { Claim } from '../claims/claim.js';
import { evaluateClaim } from '../claims/evaluate.js';
import type { Instance } from '../claims/family.js';
import { loadClaimFile } from '../claims/load.js';
import { InputError } from '../util/errors.js';
import { certify } from './certify.js';
import type { EvaluatorReply, EvaluatorTask } from './workers.js';

const claims = new Map<string, Claim<Instance>>();

async function claimOf(file: string, exportName: string): Promise<Claim<Instance>> {
  const key = `${file}#${exportName}`;
  const known = claims.get(key);
  if (known) return known;
  const loaded = await loadClaimFile(file);
  const found = exportName === 'default' ? loaded.claim : loaded.others[exportName];
  if (!found) throw new InputError(`claim file ${file} has no claim export ${exportName}`);
  claims.set(key, found);
  return found;
}

const post = (reply: EvaluatorReply): void => void process.send?.(reply);

process.on('message', async (task: EvaluatorTask) => {
  try {
    const loaded = claims.has(`${task.file}#${task.exportName}`);
    const claim = await claimOf(task.file, task.exportName);
    if (!loaded) post({ id: task.id, kind: 'started' });
    const result =
      task.kind === 'load'
        ? { kind: 'loaded' as const }
        : task.kind === 'evaluate'
          ? { kind: 'evaluation' as const, evaluation: evaluateClaim(claim, task.params, { tolerance: task.tolerance }) }
          : { kind: 'certificate' as const, certificate: certify(claim, task.evaluation, task.tolerance, { searchSize: task.searchSize }) };
    post({ id: task.id, kind: 'done', result });
  } catch (error) {
    post({ id: task.id, kind: 'error', message: error instanceof Error ? error.message : String(error), input: error instanceof InputError });
  }
});

// The pool going away (its process ended) ends this one.
process.on('disconnect', () => process.exit(0));

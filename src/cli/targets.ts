/**
 * What `check` and `list` work on: claim files named directly, the claim files under folders, the
 * files that globs match, or built-in claims named by id; with nothing named, every built-in claim
 * of proofs-checks/. Each claim file contributes its default export.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, isDynamicPattern } from 'tinyglobby';
import { claimFilesIn, isClaimFileName } from '../claims/load.js';
import { InputError } from '../util/errors.js';
import { loadTarget, type ClaimTarget } from './falsify.js';

/** The built-in claims, compiled beside this module (dist/) or as sources in the repository. */
export const PROOFS_CHECKS = fileURLToPath(new URL('../../proofs-checks/', import.meta.url));

async function builtInTargets(): Promise<ClaimTarget[]> {
  return Promise.all(claimFilesIn(PROOFS_CHECKS).map((file) => loadTarget(file)));
}

/** The claim files an argument names: a file, a folder's claim files, or a glob's matches. */
async function filesNamedBy(argument: string): Promise<string[] | undefined> {
  if (existsSync(argument)) {
    return statSync(argument).isDirectory() ? claimFilesIn(argument) : [resolve(argument)];
  }
  if (!isDynamicPattern(argument)) return undefined;
  const matches = await glob(argument, { absolute: true, onlyFiles: true });
  const files = matches.filter((file) => isClaimFileName(file.slice(file.lastIndexOf('/') + 1))).sort();
  if (files.length === 0) throw new InputError(`no claim files match ${argument}`);
  return files;
}

export async function selectTargets(args: readonly string[], all = false): Promise<ClaimTarget[]> {
  if (all && args.length > 0) throw new InputError('--all checks the built-in claims; name either --all or claim files, folders and ids, not both');
  if (args.length === 0) return builtInTargets();
  const files: string[] = [];
  const ids: string[] = [];
  for (const argument of args) {
    const named = await filesNamedBy(argument);
    if (named) files.push(...named);
    else ids.push(argument);
  }
  const targets: ClaimTarget[] = [];
  for (const file of [...new Set(files)]) targets.push(await loadTarget(file));
  if (ids.length > 0) {
    const builtIn = await builtInTargets();
    for (const id of ids) {
      const target = builtIn.find((t) => t.claim.id === id);
      if (!target) throw new InputError(`${id} is neither a claim file, a folder, a glob with matches nor a built-in claim id (see boundcheck list)`);
      targets.push(target);
    }
  }
  if (targets.length === 0) throw new InputError(`there are no claim files in ${args.join(', ')}`);
  const fileOfId = new Map<string, string>();
  for (const { claim, file } of targets) {
    const other = fileOfId.get(claim.id);
    if (other !== undefined && other !== file) throw new InputError(`claim id ${claim.id} is defined in both ${other} and ${file}`);
    fileOfId.set(claim.id, file);
  }
  return [...new Map(targets.map((t) => [t.claim.id, t])).values()];
}

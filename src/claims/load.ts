/**
 * Loading claim files: a TypeScript module whose default export is built with `claim({...})`; its
 * other exports that are claims (broken twins) come along. Every failure is an `InputError` with
 * one line that says what is wrong with the file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../util/errors.js';
import { isClaim, type Claim } from './claim.js';
import type { Instance } from './family.js';

export interface LoadedClaims {
  readonly file: string;
  /** The default export. */
  readonly claim: Claim<Instance>;
  /** The other exported claims (broken twins), by export name. */
  readonly others: Readonly<Record<string, Claim<Instance>>>;
}

export async function loadClaimFile(path: string): Promise<LoadedClaims> {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`claim file ${path} does not exist`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`claim file ${path}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`claim file ${path} could not be loaded: ${message.split('\n')[0]}`);
  }
  if (!isClaim(module.default)) {
    throw new InputError(`claim file ${path} must default-export a claim built with claim({...})`);
  }
  const others: Record<string, Claim<Instance>> = {};
  for (const [name, value] of Object.entries(module)) {
    if (name !== 'default' && isClaim(value)) others[name] = value;
  }
  return { file, claim: module.default, others };
}

/** The claim files under a folder (recursively), in a stable order. */
export function claimFilesIn(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.startsWith('_') && entry.name !== 'index.ts') files.push(path);
    }
  };
  walk(folder);
  return files;
}

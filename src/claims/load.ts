/**
 * Loading claim files: a TypeScript module whose default export is built with `claim({...})`; its
 * other exports that are claims (broken twins) come along. Every failure is an `InputError` with
 * one line that says what is wrong with the file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../util/errors.js';
import { ensureTypeScriptLoader, isTypeScriptFile } from '../util/typescriptLoader.js';
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
    if (isTypeScriptFile(file)) await ensureTypeScriptLoader();
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`claim file ${path}: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`claim file ${path} could not be loaded: ${message.split('\n')[0]}`);
  }
  module = esModuleExports(module);
  if (!isClaim(module.default)) {
    throw new InputError(`claim file ${path} must default-export a claim built with claim({...})`);
  }
  const others: Record<string, Claim<Instance>> = {};
  for (const [name, value] of Object.entries(module)) {
    if (name !== 'default' && isClaim(value)) others[name] = value;
  }
  return { file, claim: module.default, others };
}

/**
 * A TypeScript claim file in a CommonJS project compiles to CommonJS, and `import()` then hands
 * back `module.exports` as `default`, with the file's own `default` one level down.
 */
function esModuleExports(module: Record<string, unknown>): Record<string, unknown> {
  const inner = module.default;
  if (!isClaim(inner) && typeof inner === 'object' && inner !== null && (inner as { __esModule?: unknown }).__esModule === true) {
    return inner as Record<string, unknown>;
  }
  return module;
}

const CLAIM_FILE = /^[^_.][^/]*(?<!\.d)\.(?:[cm]?ts|[cm]?js)$/;

/**
 * A claim file's name: TypeScript or JavaScript, not a declaration file, not a helper module
 * (`_families.ts`) and not an index.
 */
export function isClaimFileName(name: string): boolean {
  return CLAIM_FILE.test(name) && !/^index\.[cm]?[jt]s$/.test(name);
}

/** The claim files under a folder (recursively), in a stable order. */
export function claimFilesIn(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isClaimFileName(entry.name)) files.push(path);
    }
  };
  walk(folder);
  return files;
}

/**
 * Claim files written in TypeScript (`.ts`, `.mts`, `.cts`) load as they are, in a project of any
 * `"type"`: the first time one is imported, tsx's ESM and CommonJS loaders are registered in this
 * thread (loaders are per thread). Running from this repository's sources a TypeScript loader is
 * already in place, and nothing is registered.
 */
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

let registration: Promise<void> | undefined;

export function isTypeScriptFile(path: string): boolean {
  return TYPESCRIPT_FILE.test(path);
}

/** Registers tsx in this thread once, unless this module itself runs as TypeScript source. */
export function ensureTypeScriptLoader(): Promise<void> {
  if (import.meta.url.endsWith('.ts')) return Promise.resolve();
  registration ??= (async () => {
    const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
    esm.register();
    cjs.register();
  })();
  return registration;
}

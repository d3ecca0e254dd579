/**
 * `boundcheck init [DIR]`: a minimal project that runs as generated: `claims/example.ts` (a claim
 * and its broken twin), `claims/package.json` (`"type": "module"`, so that the claims are ES
 * modules in a CommonJS project too), a `tsconfig.json` for the user's type check and, when DIR
 * has none, a `package.json` with boundcheck as a dependency and a `check` script. Files that already exist are
 * never overwritten: an existing claim file is an error naming it, an existing package.json or
 * tsconfig.json is kept as it is.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isClaimFileName } from '../claims/load.js';
import { InputError } from '../util/errors.js';

/** templates/init/ at the package's root: two folders above src/cli/, three above dist/src/cli/. */
const TEMPLATE = fileURLToPath(new URL(`${import.meta.url.includes('/dist/src/cli/') ? '../../../' : '../../'}templates/init/`, import.meta.url));

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(TEMPLATE, '../../package.json'), 'utf8')) as { version: string }).version;
}

/** The template's files, relative to its folder. */
function templateFiles(folder = TEMPLATE, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(join(folder, entry.name), join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/** An npm package name from a folder name: lower case, runs of other characters as `-`. */
function packageName(folder: string): string {
  return basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'boundcheck-claims';
}

function manifest(folder: string): string {
  const content = {
    name: packageName(folder),
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: { check: 'boundcheck check claims/' },
    devDependencies: { boundcheck: `^${packageVersion()}` },
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}

export function runInit(positionals: string[]): number {
  if (positionals.length > 1) throw new InputError(`init takes at most one folder, got ${positionals.length}`);
  const folder = resolve(positionals[0] ?? '.');
  const files = templateFiles();
  const claims = files.filter((file) => isClaimFileName(basename(file)));
  for (const file of claims) {
    if (existsSync(join(folder, file))) throw new InputError(`${join(folder, file)} already exists; init never overwrites a claim file`);
  }
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = join(folder, file);
    if (existsSync(target)) {
      kept.push(file);
      continue;
    }
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(TEMPLATE, file), target);
    written.push(file);
  }
  if (existsSync(join(folder, 'package.json'))) kept.push('package.json');
  else {
    writeFileSync(join(folder, 'package.json'), manifest(folder));
    written.push('package.json');
  }
  const where = relative(process.cwd(), folder) || '.';
  console.log(`wrote ${written.map((file) => join(where, file)).join(', ')}`);
  if (kept.length > 0) console.log(`kept the existing ${kept.join(', ')}`);
  const inFolder = where === '.' ? '' : `cd ${where} && `;
  console.log(`next: ${inFolder}npx boundcheck falsify claims/example.ts, then with --export twin to see the broken twin caught`);
  return 0;
}

/**
 * The package as a researcher installs it: `npm pack`, installed into a fresh `npm init -y`
 * project (a CommonJS package) from the npm cache that `npm ci` filled (`npm ci --offline` on a
 * lockfile made from this repository's own, so nothing is fetched), then `boundcheck init`,
 * `falsify` on the generated claim and its twin, `replay` from another folder, `check` on the
 * folder, `import('boundcheck')` from plain node, and the user's type check under the defaults
 * of `tsc --init`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'boundcheck-package-'));
const project = join(work, 'project');
const elsewhere = join(work, 'elsewhere');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(command: string, args: readonly string[], cwd: string): Result {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function succeed(command: string, args: readonly string[], cwd: string): string {
  const result = exec(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** The installed command line, run from `cwd`. */
const TSC = join(REPOSITORY, 'node_modules', 'typescript', 'bin', 'tsc');

const boundcheck = (args: readonly string[], cwd = project): Result =>
  exec(process.execPath, [join(project, 'node_modules', 'boundcheck', 'bin', 'boundcheck.js'), ...args], cwd);

interface LockEntry {
  readonly dev?: boolean;
}

/**
 * What `npm install boundcheck-VERSION.tgz` writes, made without asking the registry: the
 * dependency in package.json, and a lockfile with the tarball and this repository's locked
 * runtime dependencies (the ones `npm ci` put in the cache).
 */
function addPackage(tarball: { filename: string; integrity: string }): void {
  const manifest = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(join(REPOSITORY, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const user = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:../${tarball.filename}`;
  user.dependencies = { boundcheck: spec };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(user, null, 2)}\n`);
  const packages: Record<string, unknown> = {
    '': { name: user.name, version: user.version, license: user.license, dependencies: user.dependencies },
    'node_modules/boundcheck': {
      version: manifest.version,
      resolved: spec,
      integrity: tarball.integrity,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev) packages[key] = entry;
  const userLock = { name: user.name, version: user.version, lockfileVersion: 3, requires: true, packages };
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(userLock, null, 2)}\n`);
}

beforeAll(() => {
  const [tarball] = JSON.parse(succeed('npm', ['pack', '--json', '--pack-destination', work], REPOSITORY)) as Array<{
    filename: string;
    integrity: string;
    files: Array<{ path: string }>;
  }>;
  writeFileSync(join(work, 'files.json'), JSON.stringify(tarball.files.map((f) => f.path)));
  mkdirSync(project);
  mkdirSync(elsewhere);
  succeed('npm', ['init', '-y'], project);
  addPackage(tarball);
  succeed('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
  succeed(process.execPath, [TSC, '--init'], project);
});

describe('the packed package in a fresh npm init -y project', () => {
  it('ships the built modules, the templates and the theory notes, and nothing of the repository besides', () => {
    const files = JSON.parse(readFileSync(join(work, 'files.json'), 'utf8')) as string[];
    for (const needed of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'bin/boundcheck.js', 'LICENSE', 'CITATION.cff', 'templates/init/claims/example.ts', 'docs/theory/warmup-h0h1.md']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(tests|\.ci|src|notebooks|scripts)\//.test(f))).toEqual([]);
  });

  it('boundcheck init writes a claim and its twin; falsify finds the claim holding (exit 0) and the twin broken (exit 1)', () => {
    const init = boundcheck(['init']);
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/claims\/example\.ts/);
    const holds = boundcheck(['falsify', 'claims/example.ts', '--json', 'holds.json']);
    expect(holds.stderr).toBe('');
    expect(holds.status).toBe(0);
    expect(holds.stdout).toMatch(/verdict: holds/);
    const twin = boundcheck(['falsify', 'claims/example.ts', '--export', 'twin', '--json', 'twin.json']);
    expect(twin.status).toBe(1);
    expect(twin.stdout).toMatch(/verdict: violated/);
    expect(boundcheck(['init']).status).toBe(2);
  });

  it('replays the twin from another folder (the claim file beside the report needs no --trust)', () => {
    const replay = boundcheck(['replay', join('..', 'project', 'twin.json')], elsewhere);
    expect(replay.stderr.trim()).toMatch(/^boundcheck: note: importing the claim file \S*claims\/example\.ts named by/);
    expect(replay.status).toBe(1);
    expect(replay.stdout).toMatch(/certified/);
  });

  it('checks the folder of claims, with one table row per claim file', () => {
    const check = boundcheck(['check', 'claims/', '--budget', '200']);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/example\.drori-teboulle\s.*holds/);
  });

  it('imports from plain node, without tsx', () => {
    const imported = exec(process.execPath, ['-e', "import('boundcheck').then((m) => console.log(typeof m.claim, typeof m.falsify))"], project);
    expect(imported.stderr).toBe('');
    expect(imported.stdout.trim()).toBe('function function');
  });

  it("type-checks the user's claims under the defaults of tsc --init, where a misspelt parameter is an error", () => {
    const clean = exec(process.execPath, [TSC, '--noEmit', '-p', '.'], project);
    expect(clean.stdout).toBe('');
    expect(clean.status).toBe(0);
    const example = readFileSync(join(project, 'claims', 'example.ts'), 'utf8');
    writeFileSync(join(project, 'claims', 'misspelt.ts'), example.replace('({ L, R, N, h, tauRatio }) => ({', '({ L, R, N, h, tauRatoi }) => ({'));
    const misspelt = exec(process.execPath, [TSC, '--noEmit', '-p', '.'], project);
    rmSync(join(project, 'claims', 'misspelt.ts'));
    expect(misspelt.status).not.toBe(0);
    expect(misspelt.stdout).toMatch(/misspelt\.ts.*tauRatoi/);
  });

  it('prints its version and help', () => {
    const manifest = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { version: string };
    expect(boundcheck(['--version']).stdout.trim()).toBe(manifest.version);
    expect(boundcheck(['falsify', '--help']).stdout).toMatch(/usage: boundcheck falsify CLAIM/);
  });
});

/**
 * The command line end to end, from the sources in a separate process: exit codes, one-line errors with no
 * report written, byte-identical reports for the same seed, workers and shards agreeing with a
 * single thread, replay, and a claim file defined inline by a user.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boundcheckCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'boundcheck-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const boundcheck = (...args: string[]) => boundcheckCli(args);

const O1 = 'proofs-checks/classical/O1-drori-teboulle.ts';

describe('bad input: exit 2, one line, no report', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing claim file', ['falsify', 'tests/fixtures/absent.ts'], /does not exist/],
    ['a malformed claim file', ['falsify', 'tests/fixtures/malformed.ts'], /could not be loaded/],
    ['a module that is not a claim', ['falsify', 'tests/fixtures/not-a-claim.ts'], /must default-export a claim/],
    ['a claim whose lhs throws', ['falsify', 'tests/fixtures/lhs-throws.ts'], /lhs threw at \(L=.*deliberate failure/],
    ['a claim whose lhs is NaN', ['falsify', 'tests/fixtures/lhs-nan.ts'], /lhs returned NaN/],
    ['a negative parameter', ['falsify', 'tests/fixtures/negative-parameter.ts'], /L must be positive/],
    ['a negative budget', ['falsify', O1, '--budget=-5'], /--budget must be an integer >= 1/],
    ['a NaN seed', ['falsify', O1, '--seed', 'NaN'], /--seed must be an integer/],
    ['an unknown option', ['falsify', O1, '--colour'], /Unknown option '--colour'/],
    ['an unknown command', ['prove', O1], /unknown command prove/],
    ['a bad shard', ['falsify', O1, '--shard', '3/2', '--json', 'x.json'], /--shard must be K\/N/],
    ["an option of another command's spelling", ['check', O1, '--json', 'out-dir'], /check does not take --json; use --out/],
    ['an option the command does not take', ['replay', 'r.json', '--budget', '3'], /replay does not take --budget/],
    ['a check argument that names nothing', ['check', 'no-such-claim'], /no-such-claim is neither a claim file, a folder, a glob/],
    ['a glob without matches', ['check', 'tests/fixtures/nothing-*.ts'], /no claim files match/],
    ['--all with claim files', ['check', '--all', O1], /name either --all or claim files/],
  ];
  it.each(cases)('%s', (_label, args, pattern) => {
    const report = join(work, `bad-${_label.replace(/\W+/g, '-')}.json`);
    const writesJson = args[0] === 'falsify' && !args.includes('--json');
    const result = boundcheck(...args, ...(writesJson ? ['--json', report] : []));
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^boundcheck: /);
    expect(lines[0]).toMatch(pattern);
    expect(existsSync(report)).toBe(false);
  });
});

describe('reports', () => {
  it('the same seed gives a byte-identical JSON report, with one thread or two workers', () => {
    const report = join(work, 'same-seed.json');
    const search = (...extra: string[]): Buffer => {
      expect(boundcheck('falsify', O1, '--export', 'twin', '--budget', '300', '--seed', '7', '--json', report, ...extra).status).toBe(1);
      return readFileSync(report);
    };
    const first = search();
    expect(search().equals(first)).toBe(true);
    expect(search('--workers', '2').equals(first)).toBe(true);
  });

  it('a search split into shards and merged gives the same report as one machine', () => {
    const single = join(work, 'single.json');
    boundcheck('falsify', O1, '--budget', '200', '--seed', '3', '--json', single);
    const parts = [1, 2, 3].map((k) => join(work, `part-${k}.json`));
    parts.forEach((part, i) => {
      expect(boundcheck('falsify', O1, '--budget', '200', '--seed', '3', '--shard', `${i + 1}/3`, '--json', part).status).toBe(0);
    });
    const merged = join(work, 'merged.json');
    expect(boundcheck('merge', ...parts, '--json', merged).status).toBe(0);
    const strip = (file: string) => readFileSync(file, 'utf8').replace(/"replay": .*\n/, '');
    expect(strip(merged)).toBe(strip(single));
  });

  it('a violated claim prints its counterexample and a replay command that reproduces it', () => {
    const report = join(work, 'violated.json');
    const result = boundcheck('falsify', O1, '--export', 'twin', '--budget', '200', '--json', report);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/verdict: violated/);
    expect(result.stdout).toMatch(/evidence, not proof/);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { replay: string; counterexample: { certificate: { status: string } } };
    expect(parsed.counterexample.certificate.status).toBe('certified');
    const replay = boundcheck(...parsed.replay.replace('npx boundcheck ', '').split(' '));
    expect(replay.status).toBe(1);
    expect(replay.stdout).toMatch(/certified/);
    const secondOpinion = boundcheck('replay', report, '--certify', 'bignumber');
    expect(secondOpinion.status).toBe(1);
    expect(secondOpinion.stdout).toMatch(/40 digits: lhs/);
    expect(secondOpinion.stdout).toMatch(/80 digits: lhs/);
    const unknown = boundcheck('replay', report, '--certify', 'fast');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/--certify must be auto or bignumber/);
    // A report whose claim has another family now (edited since, or settings from the environment) is not replayed.
    const edited = join(work, 'edited.json');
    const written = JSON.parse(readFileSync(report, 'utf8')) as { claim: { family: string } };
    writeFileSync(edited, JSON.stringify({ ...written, claim: { ...written.claim, family: `${written.claim.family} (edited)` } }));
    const stale = boundcheck('replay', edited);
    expect(stale.status).toBe(2);
    // One error line (after the note that the claim file named by the report is imported).
    expect(stale.stderr.trim().split('\n').filter((line) => !line.startsWith('boundcheck: note:'))).toHaveLength(1);
    expect(stale.stderr).toMatch(/the claim's family is not the one the report searched/);
  });

  it('a claim that holds exits 0 and says that surviving is evidence, not proof', () => {
    const result = boundcheck('falsify', O1, '--budget', '100');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/verdict: holds/);
    expect(result.stdout).toMatch(/evidence, not proof/);
  });

  it('a user claim with its family defined inline from a mathjs expression', () => {
    expect(boundcheck('falsify', 'tests/fixtures/inline-expression.ts', '--budget', '100').status).toBe(0);
    const twin = boundcheck('falsify', 'tests/fixtures/inline-expression.ts', '--export', 'twin', '--budget', '100');
    expect(twin.status).toBe(1);
    expect(twin.stdout).toMatch(/certified by high-precision replay/);
  });
});

describe('help, version, claim files and folders', () => {
  it('--version prints the package version; --help and COMMAND --help print usage and exit 0', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(boundcheck('--version').stdout.trim()).toBe(manifest.version);
    const help = boundcheck('--help');
    expect(help.status).toBe(0);
    for (const command of ['init', 'falsify', 'check', 'replay', 'report', 'plot', 'merge', 'list', 'demo']) expect(help.stdout).toMatch(new RegExp(`\\n  ${command} `));
    const falsifyHelp = boundcheck('falsify', '--help');
    expect(falsifyHelp.status).toBe(0);
    expect(falsifyHelp.stdout).toMatch(/usage: boundcheck falsify CLAIM/);
    expect(falsifyHelp.stdout).toMatch(/--time-limit/);
  });

  it('check and list take claim files, folders and globs as well as built-in ids', () => {
    const check = boundcheck('check', 'tests/fixtures/inline-*.ts', 'classical.O1', '--budget', '50');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/fixture\.inline-expression\s/);
    expect(check.stdout).toMatch(/classical\.O1\s/);
    const list = boundcheck('list', 'proofs-checks/classical');
    expect(list.status).toBe(0);
    expect(list.stdout.match(/^classical\./gm)?.length).toBeGreaterThanOrEqual(5);
    expect(list.stdout).not.toMatch(/^alimisis2025\./m);
  });

  it('a report replays from any working folder: its claim file is stored relative to the report', () => {
    const report = join(work, 'relative', 'twin.json');
    expect(boundcheck('falsify', O1, '--export', 'twin', '--budget', '200', '--json', report).status).toBe(1);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { claim: { file: string; absoluteFile: string } };
    expect(parsed.claim.file.startsWith('..')).toBe(true);
    // The claim file lies outside the report's folder and the working folder: importing it needs --trust.
    const refused = boundcheckCli(['replay', 'twin.json'], { cwd: join(work, 'relative') });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--trust to allow/);
    const replay = boundcheckCli(['replay', 'twin.json', '--trust'], { cwd: join(work, 'relative') });
    expect(replay.stderr).toMatch(/^boundcheck: note: importing the claim file .*O1-drori-teboulle\.ts/);
    expect(replay.status).toBe(1);
  });

  it('init writes a project with a claim and its twin, and never overwrites a claim file', () => {
    const folder = join(work, 'new-project');
    const init = boundcheck('init', folder);
    expect(init.status).toBe(0);
    for (const file of ['package.json', 'tsconfig.json', 'claims/example.ts', 'claims/package.json']) expect(existsSync(join(folder, file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; devDependencies: Record<string, string> };
    expect(manifest.name).toBe('new-project');
    expect(manifest.devDependencies.boundcheck).toMatch(/^\^\d+\.\d+\.\d+/);
    const again = boundcheck('init', folder);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/claims\/example\.ts already exists/);
  });
});

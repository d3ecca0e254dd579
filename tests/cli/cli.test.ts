/**
 * The command line end to end, through bin/boundcheck.js: exit codes, one-line errors with no
 * report written, byte-identical reports for the same seed, workers and shards agreeing with a
 * single thread, replay, and a claim file defined inline by a user.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'boundcheck-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function boundcheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/boundcheck.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
  ];
  it.each(cases)('%s', (_label, args, pattern) => {
    const report = join(work, `bad-${_label.replace(/\W+/g, '-')}.json`);
    const result = boundcheck(...args, ...(args.includes('--json') ? [] : ['--json', report]));
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

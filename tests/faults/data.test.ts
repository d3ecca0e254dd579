/**
 * Bad input and disk errors end with exit 2, one line, and no file half-written; a report is data:
 * its numbers are escaped in the HTML page, the claim file it names is imported only from its
 * folder or the working tree (or with --trust), and a claim id builds no path outside its folder.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { family, uniform } from '../../src/claims/family.js';
import { checkHtml } from '../../src/report/html.js';
import { fromJson, safeId, type Report } from '../../src/report/report.js';
import { huber } from '../../src/problems/huber.js';
import { InputError } from '../../src/util/errors.js';
import { boundcheck, filesUnder, O1, root, scratch } from './cli.js';

const oneLine = (stderr: string, pattern: RegExp): void => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^boundcheck: /);
  expect(lines[0]).toMatch(pattern);
};

describe.concurrent('bad input', () => {
  it('an lhs that is +Infinity with no run: exit 2, one line naming the side', async () => {
    const dir = scratch();
    const result = await boundcheck(['falsify', 'tests/faults/fixtures/infinite-lhs.ts', '--budget', '10', '--json', join(dir, 'r.json')]);
    expect(result.status).toBe(2);
    oneLine(result.stderr, /lhs returned Infinity .*bad input/);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('a box spec written by hand is checked like uniform/logUniform/integer', () => {
    const instance = () => ({ problem: huber({ L: 1, tau: 1 }) });
    expect(() => family({ name: 'f', box: { a: { kind: 'log', min: 5, max: 1 } }, instance })).toThrow(InputError);
    expect(() => family({ name: 'f', box: { a: { kind: 'log', min: -1, max: 1 } }, instance })).toThrow(/must be positive/);
    expect(() => family({ name: 'f', box: { a: { kind: 'integer', min: 0.5, max: 3 } }, instance })).toThrow(/integer ends/);
    expect(() => family({ name: 'f', box: { a: uniform(0, 1) }, instance })).not.toThrow();
  });

  it('a claim id that would build a path outside its folder is refused', () => {
    expect(() => safeId('../../../x')).toThrow(InputError);
    expect(() => safeId('a/b')).toThrow(InputError);
    expect(safeId('classical.O1.twin')).toBe('classical.O1.twin');
  });
});

describe.concurrent('disk errors: exit 2, one line naming the file and the cause, no temporary file left', () => {
  it('a folder that cannot be written', async () => {
    const dir = scratch();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const result = await boundcheck(['falsify', O1, '--budget', '20', '--json', join(locked, 'r.json')]);
    chmodSync(locked, 0o755);
    if (process.getuid?.() === 0) {
      // root writes anywhere: a path through a file instead
      writeFileSync(join(dir, 'file'), '');
      const again = await boundcheck(['falsify', O1, '--budget', '20', '--json', join(dir, 'file', 'r.json')]);
      expect(again.status).toBe(2);
      oneLine(again.stderr, /cannot write .*file\/r\.json: (ENOTDIR|EEXIST)/);
    } else {
      expect(result.status).toBe(2);
      oneLine(result.stderr, /cannot write .*r\.json: EACCES/);
    }
    expect(filesUnder(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file too large for its limit (ulimit -f)', async () => {
    const dir = scratch();
    const report = join(dir, 'r.json');
    const result = await boundcheck([], {
      shell: `ulimit -f 1; trap '' XFSZ; exec "${process.execPath}" "${join(root, 'bin/boundcheck.js')}" falsify ${O1} --budget 20 --json "${report}"`,
    });
    expect(result.status).toBe(2);
    oneLine(result.stderr, /cannot write .*r\.json: EFBIG \(file too large\)/);
    expect(filesUnder(dir)).toEqual([]);
  });
});

describe.concurrent('reports are data', () => {
  const forged = (): Report => {
    const report = fromJson<Report>(readFileSync(join(root, 'tests/faults/fixtures/report.json'), 'utf8'));
    const markup = '<img src=x onerror=alert(1)>';
    return {
      ...report,
      tolerance: markup as unknown as number,
      certification: { digits: [markup as unknown as number], lhsAgreement: 1e-12 },
      search: { ...report.search, seed: markup as unknown as number, budget: markup as unknown as number, evaluations: markup as unknown as number },
      counterexample: report.counterexample && { ...report.counterexample, horizon: markup as unknown as number, lhs: markup as unknown as number },
    };
  };

  it('every value of a forged report is escaped in the HTML page', () => {
    const report = forged();
    const html = checkHtml({ seed: '<img x>' as unknown as number, budget: '<img y>' as unknown as number, claims: [report] }, new Map());
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<img/);
    expect(body).toMatch(/&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('replay refuses a claim file outside the report folder and the working tree without --trust', async () => {
    const dir = scratch();
    const claimFile = join(dir, 'elsewhere.ts');
    copyFileSync(join(root, 'tests/faults/fixtures/infinite-lhs.ts'), claimFile);
    const report = forged();
    const reportDir = join(dir, 'reports');
    mkdirSync(reportDir);
    const reportFile = join(reportDir, 'r.json');
    writeFileSync(reportFile, JSON.stringify({ ...report, claim: { ...report.claim, file: claimFile } }));
    const result = await boundcheck(['replay', reportFile]);
    expect(result.status).toBe(2);
    oneLine(result.stderr, /names the claim file .*elsewhere\.ts, outside .*--trust/);
  });
});

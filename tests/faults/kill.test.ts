/**
 * kill -9 at random points (seeded) of `falsify --json` and `check --out`: what is left is either no
 * report or a whole one, never a half-written file under a report's name (reports are written to a
 * temporary file and renamed).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJson } from '../../src/report/report.js';
import { filesUnder, O1, root, scratch } from './cli.js';

/** A seeded stream in [0, 1) (mulberry32), so a failing kill point can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the command line and kills it (SIGKILL) after `delayMs`, or lets it end first. */
function killAfter(args: readonly string[], delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/boundcheck.js'), ...args], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const wholeJson = (file: string, schema: string): void => {
  const parsed = fromJson<{ schema: string }>(readFileSync(file, 'utf8'));
  expect(parsed.schema).toBe(schema);
};

const random = seeded(20261203);

describe('kill -9 leaves no report or a whole one', () => {
  it.each([0, 1, 2])('falsify --json, kill %i', async () => {
    const dir = scratch();
    const report = join(dir, 'r.json');
    await killAfter(['falsify', O1, '--export', 'twin', '--budget', '200', '--json', report], 1000 + random() * 9000);
    if (existsSync(report)) wholeJson(report, 'boundcheck-report/1');
    expect(filesUnder(dir).filter((f) => !f.endsWith('.tmp'))).toEqual(existsSync(report) ? ['r.json'] : []);
  });

  it('check --out, killed while it writes', async () => {
    const dir = scratch();
    await killAfter(['check', 'classical.O1', 'classical.O2', '--budget', '50', '--out', dir], 2000 + random() * 12000);
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.json'))) {
      wholeJson(join(dir, file), file === 'report.json' ? 'boundcheck-check/1' : 'boundcheck-report/1');
    }
  });
});

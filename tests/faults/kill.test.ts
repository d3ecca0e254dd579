/**
 * kill -9 at random points (seeded) of `falsify --json` and `check --out`: what is left is either no
 * report or a whole one, never a half-written file under a report's name (reports are written to a
 * temporary file and renamed). The kill points are drawn over the length of a whole run of the same
 * command, measured first, so that they fall inside the run on a fast machine and a loaded one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJson } from '../../src/report/report.js';
import { boundcheck, filesUnder, O1, root, scratch } from './cli.js';

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

/** The command's run time in ms (a whole run, whose outputs are checked by `check`), then kills at random points of it. */
async function killedAt(args: (dir: string) => string[], kills: number, check: (dir: string) => void): Promise<void> {
  const whole = scratch();
  const run = await boundcheck(args(whole));
  check(whole);
  const points = Array.from({ length: kills }, () => random() * run.seconds * 1000);
  await Promise.all(
    points.map(async (delayMs) => {
      const dir = scratch();
      await killAfter(args(dir), delayMs);
      check(dir);
    }),
  );
}

describe.concurrent('kill -9 leaves no report or a whole one', () => {
  it('falsify --json, killed at 3 random points of its run', async () => {
    await killedAt(
      (dir) => ['falsify', O1, '--export', 'twin', '--budget', '200', '--json', join(dir, 'r.json')],
      3,
      (dir) => {
        const report = join(dir, 'r.json');
        if (existsSync(report)) wholeJson(report, 'boundcheck-report/1');
        expect(filesUnder(dir).filter((f) => !f.endsWith('.tmp'))).toEqual(existsSync(report) ? ['r.json'] : []);
      },
    );
  });

  it('check --out, killed at 2 random points of its run', async () => {
    await killedAt(
      (dir) => ['check', 'classical.O1', 'classical.O2', '--budget', '50', '--out', dir],
      2,
      (dir) => {
        for (const file of filesUnder(dir).filter((f) => f.endsWith('.json'))) {
          wholeJson(join(dir, file), file === 'report.json' ? 'boundcheck-check/1' : 'boundcheck-report/1');
        }
      },
    );
  });
});

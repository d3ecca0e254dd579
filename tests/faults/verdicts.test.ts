/**
 * A verdict says only what was done: a search cut short by its time limit, or one whose instances
 * were all discarded, is `incomplete` (exit 4) with its reason, never `holds`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundcheck, O1, scratch } from './cli.js';

describe.concurrent('incomplete searches', () => {
  it('a time limit that stops the search before its budget is spent: incomplete (time-limit), exit 4', async () => {
    const report = join(scratch(), 'cut.json');
    const result = await boundcheck(['falsify', O1, '--export', 'twin', '--time-limit', '0.001', '--json', report]);
    expect(result.status).toBe(4);
    expect(result.stdout).toMatch(/verdict: incomplete \(time-limit/);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { verdict: string; reason: string };
    expect([parsed.verdict, parsed.reason]).toEqual(['incomplete', 'time-limit']);
  });

  it('every instance discarded by a hypothesis: incomplete (all-discarded), exit 4', async () => {
    const report = join(scratch(), 'discarded.json');
    const result = await boundcheck(['falsify', 'tests/faults/fixtures/all-discarded.ts', '--budget', '1', '--json', report]);
    expect(result.status).toBe(4);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { verdict: string; reason: string };
    expect([parsed.verdict, parsed.reason]).toEqual(['incomplete', 'all-discarded']);
  });

  it('check with a time limit too short for any claim reports them incomplete, exit 4', async () => {
    const result = await boundcheck(['check', 'classical.O1', '--time-limit', '0.001']);
    expect(result.status).toBe(4);
    expect(result.stdout).toMatch(/incomplete \(time-limit\)/);
  });
});

/**
 * Hostile claims and heavy options: an lhs that never returns, a family that allocates without end,
 * a huge budget, too many workers. Each evaluation is stopped at its limit and the search goes on;
 * the time limit stops the whole search; the report says what was stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundcheck, O1, scratch } from './cli.js';

const HANG = 'tests/faults/fixtures/hang.ts';

interface Parsed {
  verdict: string;
  reason?: string;
  search: { evaluations: number; stopped?: { timeout: number; outOfMemory: number; kept: Array<{ params: Record<string, number>; status: string }> } };
}
const read = (file: string): Parsed => JSON.parse(readFileSync(file, 'utf8')) as Parsed;

describe('evaluations stopped at their limits', () => {
  it('an lhs that never returns: the time limit ends the search with a report, exit 4', () => {
    const report = join(scratch(), 'hang.json');
    const result = boundcheck(['falsify', HANG, '--time-limit', '3', '--json', report]);
    expect(result.status).toBe(4);
    // On a starved machine the search thread may not report within its grace period: then one
    // line and no report, never a half-written one.
    if (existsSync(report)) expect([read(report).verdict, read(report).reason]).toEqual(['incomplete', 'time-limit']);
    else expect(result.stderr.trim()).toMatch(/^boundcheck: the search of .* did not end within 2 s of its time limit/);
  });

  it('an lhs that never returns on part of the box: those evaluations time out, are kept, and the search goes on', () => {
    const report = join(scratch(), 'sometimes.json');
    const result = boundcheck(['falsify', HANG, '--export', 'sometimes', '--budget', '12', '--eval-timeout', '0.5', '--json', report]);
    expect(result.status).toBe(4);
    const parsed = read(report);
    expect([parsed.verdict, parsed.reason]).toEqual(['incomplete', 'evaluations-stopped']);
    expect(parsed.search.stopped!.timeout).toBeGreaterThan(0);
    expect(parsed.search.stopped!.kept.every((k) => k.params.L > 1.9 && k.status === 'timeout')).toBe(true);
    expect(parsed.search.evaluations).toBeGreaterThan(parsed.search.stopped!.timeout);
    expect(result.stdout).toMatch(/stopped evaluations: \d+ at the time limit of an evaluation/);
  });

  it('a family that allocates without end: out-of-memory, counted, the search goes on', () => {
    const report = join(scratch(), 'allocate.json');
    const result = boundcheck(['falsify', HANG, '--export', 'allocate', '--budget', '1', '--eval-memory', '128', '--eval-timeout', '100', '--json', report], { timeoutMs: 120_000 });
    expect(result.status).toBe(4);
    expect([read(report).verdict, read(report).reason]).toEqual(['incomplete', 'evaluations-stopped']);
    expect(read(report).search.stopped!.outOfMemory).toBeGreaterThan(0);
  });
});

describe('heavy options', () => {
  it('a budget of 1e8 with a time limit ends soon after the limit', () => {
    const result = boundcheck(['falsify', O1, '--budget', '100000000', '--time-limit', '3']);
    expect(result.status).toBe(4);
    expect(result.stdout).toMatch(/incomplete \(time-limit/);
  });

  it('--workers beyond the cores is capped, with a note', () => {
    const result = boundcheck(['falsify', O1, '--budget', '20', '--workers', '100']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/--workers 100 capped at \d+/);
  });
});

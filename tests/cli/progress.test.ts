/**
 * The progress bar of `check` and `falsify` (src/cli/progress.ts) on a simulated stream: on a
 * terminal it counts evaluations out of the total, names the claim in hand, shows an ETA once the
 * rate is known and never writes a line wider than the terminal; when the stream is not a terminal,
 * or CI is set, it writes nothing.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkProgress, progressBar, type ProgressOutput } from '../../src/cli/progress.js';

/** A stream that keeps what is written, a terminal `columns` wide when `isTTY`. */
function fakeStream(isTTY: boolean, columns = 100): ProgressOutput['stream'] & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return Object.assign(stream, { isTTY, columns, text: () => chunks.join('') });
}

/** The lines drawn: what is written, split at the terminal's control sequences and line ends. */
function drawnLines(text: string): string[] {
  return text.split(/\x1B(?:\[[\d;?]*[A-Za-z]|[78])|\r|\n/).filter((line) => line.trim() !== '');
}

const IDS = ['classical.O1', 'liu2025.C5e', `a.claim.with.a.very.long.name.${'x'.repeat(120)}`];
const CLAIMS = IDS.map((id) => ({ id, evaluationCost: 1 }));

describe('progress bar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('on a terminal: counts evaluations, names the claims in hand, shows an ETA and fits the width', () => {
    const stream = fakeStream(true, 100);
    const progress = checkProgress(CLAIMS, 1000, { stream, env: {} });
    progress.evaluated(0, 100);
    vi.advanceTimersByTime(1000);
    progress.evaluated(0, 400);
    vi.advanceTimersByTime(1000);
    progress.finished(0, 500);
    progress.evaluated(1, 200);
    progress.evaluated(2, 100);
    vi.advanceTimersByTime(1000);
    const lines = drawnLines(stream.text());
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect([...line].length, line).toBeLessThan(100);
    expect(lines[0]).toMatch(/^check \[[█░]{20}\] 100\/3000 evaluations, ETA .*: classical\.O1$/);
    // A finished claim counts what it made (500 of its 1000): the total shrinks to 2500.
    const last = lines[lines.length - 1];
    expect(last).toMatch(/^check \[[█░]{20}\] 800\/2500 evaluations, ETA [1-9]\d*s: liu2025\.C5e \(\+1\)$/);
    progress.stop();
  });

  it('counts an instance of a claim for its evaluation cost, as the budget does', () => {
    const stream = fakeStream(true, 100);
    const progress = checkProgress([CLAIMS[0], { id: 'craciun2024.C1', evaluationCost: 5 }], 1000, { stream, env: {} });
    progress.evaluated(1, 100);
    vi.advanceTimersByTime(1000);
    progress.evaluated(1, 200);
    const lines = drawnLines(stream.text());
    // 1000 + 200 instances x 5; 100 instances of cost 5 done, then all 200.
    expect(lines[0]).toMatch(/^check \[[█░]{20}\] 500\/2000 evaluations/);
    expect(lines[lines.length - 1]).toMatch(/^check \[[█░]{20}\] 1000\/2000 evaluations/);
    progress.stop();
  });

  it('cuts a long claim name to the terminal width', () => {
    const stream = fakeStream(true, 72);
    const progress = progressBar('falsify', { stream, env: {} });
    progress.update(10, 100, IDS[2]);
    progress.stop();
    const lines = drawnLines(stream.text());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(71);
    expect(lines[0]).toMatch(/^falsify \[[█░]{20}\] 10\/100 evaluations, ETA .*: a\.claim\..*…$/);
  });

  it.each([
    ['not a terminal', fakeStream(false), {}],
    ['CI set', fakeStream(true), { CI: 'true' }],
  ])('writes nothing when %s', (_case, stream, env) => {
    const progress = checkProgress(CLAIMS, 1000, { stream, env });
    progress.evaluated(0, 100);
    vi.advanceTimersByTime(1000);
    progress.finished(0, 1000);
    progress.stop();
    expect(stream.text()).toBe('');
  });
});

/**
 * Smoke test of the notebooks: every notebook, run by notebooks/all.ts in quick mode
 * (BOUNDCHECK_NOTEBOOK_QUICK=1) into a temporary directory, writes its figures in all five formats
 * and a README.md that embeds each PNG, with no line of a figure hidden under another
 * (tests/helpers/hiddenSeries.ts) and one notation, Unicode, in every figure, README and console
 * summary (tests/helpers/notation.ts); the classical notebook run twice writes the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenSeries } from './helpers/hiddenSeries.js';
import { figureTexts, notationProblems } from './helpers/notation.js';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'boundcheck-notebooks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAPERS = ['classical', 'alimisis2025', 'liu2025', 'xu2025', 'craciun2024'];
const FORMATS = ['png', 'svg', 'pdf', 'csv', 'vl.json'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Runs a notebook script with tsx in quick mode, its figures under `out`. */
function notebook(script: string, out: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'notebooks', script)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BOUNDCHECK_NOTEBOOK_QUICK: '1', BOUNDCHECK_NOTEBOOK_OUT: out },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The figure names a README embeds: ![title](name.png). */
function embeddedFigures(readme: string): string[] {
  return [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\.png\)/g)].map((match) => match[1]);
}

describe('notebooks in quick mode', () => {
  const out = join(work, 'all');
  let result: ReturnType<typeof notebook>;
  beforeAll(() => {
    result = notebook('all.ts', out);
  });

  it('all.ts runs every notebook and prints their summaries', () => {
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    for (const paper of PAPERS) expect(result.stdout).toContain(`${paper}: `);
    expect(result.stdout).toContain('all notebooks: 5');
    expect(notationProblems(result.stdout)).toEqual([]);
  });

  for (const paper of PAPERS) {
    it(`${paper}: a README.md embedding every figure, each in five formats`, () => {
      const directory = join(out, paper);
      const readme = readFileSync(join(directory, 'README.md'), 'utf8');
      expect(readme).toMatch(/^# /);
      expect(readme).toContain('quick mode');
      const figures = embeddedFigures(readme);
      expect(figures.length).toBeGreaterThan(0);
      expect(notationProblems(readme), 'README.md').toEqual([]);
      for (const figure of figures) {
        for (const format of FORMATS) expect(existsSync(join(directory, `${figure}.${format}`)), `${figure}.${format}`).toBe(true);
        expect(readFileSync(join(directory, `${figure}.png`)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
        const spec: unknown = JSON.parse(readFileSync(join(directory, `${figure}.vl.json`), 'utf8'));
        expect(hiddenSeries(spec as Parameters<typeof hiddenSeries>[0]), `${figure}: series drawn as one line`).toEqual([]);
        expect(figureTexts(spec).flatMap(notationProblems), `${figure}: notation`).toEqual([]);
      }
      // Every PNG written is listed in the README.
      const written = readdirSync(directory).filter((file) => file.endsWith('.png')).map((file) => file.slice(0, -4));
      expect(written.sort()).toEqual([...figures].sort());
    });
  }

  it('the classical notebook writes the same bytes on a second run', () => {
    const again = join(work, 'again');
    expect(notebook('classical.ts', again).status).toBe(0);
    const first = join(out, 'classical');
    const second = join(again, 'classical');
    const files = readdirSync(first).sort();
    expect(readdirSync(second).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
  });
});

/**
 * `boundcheck report --latex`: booktabs tables of the verdicts (a summary per paper, then one table
 * per paper) that compile with pdflatex (when installed; the structural checks run either way), with
 * every string escaped: a crafted report full of LaTeX's special characters still compiles (none of its
 * text is read as a command).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTarget, searchTarget } from '../../src/cli/falsify.js';
import { CHECK_SCHEMA, runReport } from '../../src/cli/report.js';
import { checkLatex, latexText } from '../../src/report/latex.js';
import { toJson, writeAtomically, type Report } from '../../src/report/report.js';

const work = mkdtempSync(join(tmpdir(), 'boundcheck-latex-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SETTINGS = { seed: 1, budget: 60 };
const HOSTILE = 'a_b & 50% $x$ #1 {y} \\relax ~^ <|> η ≤ ‖∇f‖² … §2';

function pdflatex(): string | undefined {
  const which = spawnSync('which', ['pdflatex'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/** Compiles `tables` inside a minimal article; returns pdflatex's log on failure, '' on success. */
function compile(tables: string, name: string): string {
  const folder = mkdtempSync(join(work, `${name}-`));
  writeFileSync(join(folder, 'tables.tex'), tables);
  writeFileSync(join(folder, 'main.tex'), '\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n\\input{tables}\n\\end{document}\n');
  const result = spawnSync(pdflatex()!, ['-interaction=nonstopmode', '-halt-on-error', 'main.tex'], { cwd: folder, encoding: 'utf8' });
  return result.status === 0 ? '' : result.stdout;
}

/** The tabular bodies: each row's cell count, and every environment opened is closed in order. */
function structure(tex: string): { rows: number[][]; balanced: boolean } {
  const stack: string[] = [];
  let balanced = true;
  for (const [, kind, name] of tex.matchAll(/\\(begin|end)\{(\w+)\}/g)) {
    if (kind === 'begin') stack.push(name);
    else if (stack.pop() !== name) balanced = false;
  }
  const rows = [...tex.matchAll(/\\begin\{tabular\}\{([^\n]*)\}\n([\s\S]*?)\\end\{tabular\}/g)].map(([, , body]) =>
    body
      .split('\n')
      .filter((line) => line.endsWith('\\\\'))
      .map((line) => line.split(/(?<!\\)&/).length),
  );
  return { rows, balanced: balanced && stack.length === 0 };
}

describe('LaTeX verdict tables', () => {
  let reports: Report[];
  let reportFile: string;
  beforeAll(async () => {
    reports = [];
    for (const exportName of ['default', 'twin']) {
      const target = await loadTarget('proofs-checks/classical/O1-drori-teboulle.ts', exportName);
      reports.push(await searchTarget(target, { ...SETTINGS, workers: 1 }, { quiet: true }));
    }
    reportFile = join(work, 'report.json');
    writeAtomically(reportFile, toJson({ schema: CHECK_SCHEMA, ...SETTINGS, claims: reports }));
  }, 120_000);

  it('report --latex writes REPORT.tex: a summary table and one per paper, booktabs rules, rows of equal width', async () => {
    await runReport([reportFile], { latex: true });
    const tex = readFileSync(join(work, 'report.tex'), 'utf8');
    expect(tex).toBe(checkLatex({ ...SETTINGS, claims: reports }));
    const { rows, balanced } = structure(tex);
    expect(balanced).toBe(true);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([7, 7, 7]);
    expect(rows[1]).toEqual([5, 5, 5]);
    expect(tex.match(/\\toprule/g)).toHaveLength(2);
    expect(tex).toMatch(/\\texttt\{classical\.O1\.twin\} & .* & violated & margin [\d.e-]+ & \d+ \\\\/);
    if (pdflatex()) expect(compile(tex, 'check')).toBe('');
  });

  it('escapes every string: a crafted report full of special characters still compiles', () => {
    const crafted = reports.map((r) => ({
      ...r,
      claim: { ...r.claim, id: `${r.claim.id}_x&y`, title: HOSTILE },
      source: { ...r.source, result: HOSTILE, reference: HOSTILE },
    }));
    const tex = checkLatex({ ...SETTINGS, claims: crafted });
    expect(tex).not.toContain(HOSTILE);
    expect(latexText('a_b & 50%')).toBe('a\\_b \\& 50\\%');
    expect(latexText('{$#^~\\}')).toBe('\\{\\$\\#\\textasciicircum{}\\textasciitilde{}\\textbackslash{}\\}');
    expect(latexText('η ≤ ‖x‖²')).toBe('\\ensuremath{\\eta} \\ensuremath{\\le} \\ensuremath{\\|}x\\ensuremath{\\|}\\ensuremath{^{2}}');
    const { rows, balanced } = structure(tex);
    expect(balanced).toBe(true);
    for (const table of rows) expect(new Set(table).size).toBe(1);
    if (pdflatex()) expect(compile(tex, 'crafted')).toBe('');
  });
});

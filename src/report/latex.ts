/**
 * The verdicts of a check as LaTeX tables for a paper (`boundcheck report --latex`): a summary
 * table (claims and verdicts per paper) and one table per paper (id, result, verdict, worst margin
 * or tightness, instances), typeset with booktabs rules. Every string and number that reaches the
 * file goes through `latexText`, which escapes LaTeX's special characters and writes the Unicode
 * of the notes (Greek letters, sub- and superscripts, ≤, ‖, §, …) as LaTeX, so the file compiles
 * with pdflatex whatever the claims say. The file is meant for `\input` in a document that loads
 * booktabs; the same report gives the same bytes.
 */
import { formatNumber } from '../util/format.js';
import { marginSummary } from './markdown.js';
import type { Report } from './report.js';
import { isUnexpected, VERDICTS } from './summary.js';
import type { CheckResult } from './html.js';

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': "''",
};

const MATH: Readonly<Record<string, string>> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', Δ: '\\Delta', ε: '\\varepsilon', η: '\\eta', θ: '\\theta',
  κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu', ρ: '\\rho', σ: '\\sigma', τ: '\\tau', φ: '\\varphi', ψ: '\\psi',
  ω: '\\omega', '≤': '\\le', '≥': '\\ge', '‖': '\\|', '∇': '\\nabla', '∞': '\\infty', '·': '\\cdot', '×': '\\times',
  '≈': '\\approx', '→': '\\to', '∈': '\\in', '√': '\\surd', '−': '-', '∑': '\\sum',
  '⁰': '^{0}', '¹': '^{1}', '²': '^{2}', '³': '^{3}', '⁴': '^{4}', '⁵': '^{5}', '⁶': '^{6}', '⁷': '^{7}', '⁸': '^{8}',
  '⁹': '^{9}', '⁻': '^{-}', '⁺': '^{+}', '₀': '_{0}', '₁': '_{1}', '₂': '_{2}', '₃': '_{3}', '₄': '_{4}', '₅': '_{5}',
  '₆': '_{6}', '₇': '_{7}', '₈': '_{8}', '₉': '_{9}', 'ᵢ': '_{i}', 'ₖ': '_{k}', 'ₙ': '_{n}', 'ₜ': '_{t}',
};

const TEXT: Readonly<Record<string, string>> = {
  '§': '\\S{}', '…': '\\dots{}', '–': '--', '—': '---', '‘': '`', '’': "'", '“': '``', '”': "''", '\u00a0': '~',
};

/**
 * `text` as LaTeX text: special characters escaped, known Unicode as LaTeX (math symbols in
 * `\ensuremath`), other non-ASCII characters as `?` (pdflatex has no glyph to fall back on).
 */
export function latexText(text: string): string {
  return Array.from(text, (c) => {
    if (SPECIAL[c] !== undefined) return SPECIAL[c];
    if (MATH[c] !== undefined) return `\\ensuremath{${MATH[c]}}`;
    if (TEXT[c] !== undefined) return TEXT[c];
    return /^[\x20-\x7e\n]$/.test(c) ? c : '?';
  }).join('');
}

/** A number as LaTeX text: 6 significant digits, escaped like any string. */
export function latexNumber(value: number): string {
  return latexText(Number.isFinite(value) ? formatNumber(value) : String(value));
}

const TABLE_DIGITS = 4;

/** The paper a claim belongs to: its id up to the first dot (`alimisis2025`, `classical`). */
export function paperOf(report: Pick<Report, 'claim'>): string {
  return report.claim.id.split('.')[0];
}

function byPaper(claims: readonly Report[]): Map<string, Report[]> {
  const papers = new Map<string, Report[]>();
  for (const r of claims) papers.set(paperOf(r), [...(papers.get(paperOf(r)) ?? []), r]);
  return papers;
}

/** A label key: letters, digits, `-` and `:` only. */
function labelKey(text: string): string {
  return text.replace(/[^A-Za-z0-9:-]+/g, '-');
}

function row(cells: readonly string[]): string {
  return `${cells.join(' & ')} \\\\`;
}

function table(caption: string, label: string, columns: string, header: readonly string[], rows: readonly string[]): string {
  return [
    '\\begin{table}[htbp]',
    '\\centering',
    '\\small',
    `\\caption{${caption}}`,
    `\\label{${label}}`,
    `\\begin{tabular}{${columns}}`,
    '\\toprule',
    row(header.map(latexText)),
    '\\midrule',
    ...rows,
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
  ].join('\n');
}

/** Per paper: claims, the count of each verdict, and how many differ from the expected verdict. */
function summaryTable(papers: ReadonlyMap<string, readonly Report[]>, settings: Pick<CheckResult, 'seed' | 'budget'>): string {
  const countRow = (name: string, claims: readonly Report[]): string =>
    row([
      name,
      String(claims.length),
      ...VERDICTS.map((v) => String(claims.filter((r) => r.verdict === v).length)),
      String(claims.filter(isUnexpected).length),
    ]);
  const all = [...papers.values()].flat();
  return table(
    `Verdicts of the search for violations, per paper (seed ${latexNumber(settings.seed)}, budget ${latexNumber(settings.budget)} evaluations per claim). A verdict \\emph{holds} means that no violation was found within the budget; a violation is certified by a replay in exact arithmetic (double-double balls, or BigNumber).`,
    'tab:boundcheck-summary',
    `@{}l${'r'.repeat(VERDICTS.length + 2)}@{}`,
    ['paper', 'claims', ...VERDICTS, 'unexpected'],
    [...[...papers].map(([paper, claims]) => countRow(`\\texttt{${latexText(paper)}}`, claims)), '\\midrule', countRow('all', all)],
  );
}

function verdictCell(report: Report): string {
  const verdict = latexText(report.verdict);
  return isUnexpected(report) ? `\\textbf{${verdict}} (expected ${latexText(report.claim.expected)})` : verdict;
}

/** One paper's claims: id, result, verdict (bold with the expected one when they differ), margin or tightness, instances. */
function paperTable(paper: string, claims: readonly Report[]): string {
  const references = [...new Set(claims.map((r) => r.source.reference))];
  const about = references.length === 1 ? latexText(references[0]) : `\\texttt{${latexText(paper)}}`;
  return table(
    `Claims on ${about}: verdicts, worst normalized margin (or tightness, the largest lhs/rhs, where the claim holds) and instances evaluated.`,
    `tab:boundcheck-${labelKey(paper)}`,
    '@{}l p{0.34\\linewidth} l l r@{}',
    ['claim', 'result', 'verdict', 'margin / tightness', 'instances'],
    claims.map((r) =>
      row([
        `\\texttt{${latexText(r.claim.id)}}`,
        latexText(r.source.result),
        verdictCell(r),
        latexText(marginSummary(r, TABLE_DIGITS)),
        latexNumber(r.search.evaluations),
      ]),
    ),
  );
}

/** The LaTeX file of a check result: the summary table, then one table per paper. */
export function checkLatex(check: CheckResult): string {
  const papers = byPaper(check.claims);
  return [
    '% boundcheck verdict tables: \\input this file in a document that loads booktabs.',
    summaryTable(papers, check),
    ...[...papers].map(([paper, claims]) => paperTable(paper, claims)),
    '',
  ].join('\n\n');
}

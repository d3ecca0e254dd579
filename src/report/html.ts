/**
 * The HTML report of a check (out/report.html, or `boundcheck report --html`): a summary (counts
 * by verdict, the verdicts that differ from the expected ones first), the verdict table with
 * badges and statements typeset by KaTeX, an overview chart of lhs/rhs at each claim's worst point
 * (its tightness where it held), and a drill-down for every claim that did not hold (and, on
 * request, `report --drill-down ID,...|all`, for claims that held, at their worst point): its
 * trajectory against the bound as a function of t for a statement about a run (the figure of
 * `boundcheck plot`), both sides at the point for a pointwise one (or for a run that cannot be
 * re-done, with the reason), the sample estimate, the confidence bound and its interval against
 * the rhs for a statistical one. Charts are vega-lite specs
 * rendered by vega-embed; the vega, vega-lite, vega-embed browser builds and KaTeX's stylesheet
 * with its fonts are inlined from node_modules, so the page works opened from disk with no
 * network. Every value that reaches the page goes through the one escaping template `html`. The
 * same report and drill-downs give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import type { TopLevelSpec } from 'vega-lite';
import type { SampleStatistics } from '../claims/statistical.js';
import { formatNumber } from '../util/format.js';
import { provenanceWithTag, sourceReference } from './citation.js';
import { marginSummary } from './markdown.js';
import { EVIDENCE_NOTE, type PointReport, type Report } from './report.js';
import { statementTex } from './statementTex.js';
import { isUnexpected, plural, unexpectedFirst, verdictCounts, verdictSummary } from './summary.js';

/** What `check` writes to out/report.json, less its schema tag. */
export interface CheckResult {
  readonly seed: number;
  readonly budget: number;
  readonly claims: readonly Report[];
}

/**
 * The drill-down of a claim that did not hold: the figure of its point's run against the bound
 * (made by `boundcheck plot`'s instanceFigure, with its caption), a statement at a point (both
 * sides shown from the report), a statistical statement (its sample at the point: the estimate,
 * the confidence bound the claim compares and its interval), or why there is none.
 */
export type DrillDown =
  | { readonly kind: 'run'; readonly spec: TopLevelSpec; readonly caption: string }
  | { readonly kind: 'point' }
  | { readonly kind: 'statistical'; readonly statistics: SampleStatistics }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The drill-downs by claim id; a claim that did not hold and has none gets both sides at its point. */
export type DrillDowns = ReadonlyMap<string, DrillDown>;

/** The browser builds, in load order: vega-lite needs vega, vega-embed needs both. */
const BROWSER_BUILDS = [
  { module: 'vega', file: 'vega.min.js' },
  { module: 'vega-lite', file: 'vega-lite.min.js' },
  { module: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

const VERDICT_COLORS = {
  holds: '#4c78a8',
  violated: '#e45756',
  diverged: '#b279a2',
  inconclusive: '#f58518',
  incomplete: '#9d9d9d',
} as const satisfies Record<Report['verdict'], string>;

const EMBED_OPTIONS = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };

/** A piece of markup built by `html`: interpolated as is, never escaped again. */
class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Interpolation = string | number | Markup | readonly Interpolation[];

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escaped(value: Interpolation): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(escaped).join('');
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * The page's one way to write markup: every interpolated value is escaped (strings and numbers
 * alike, so that a report whose numbers are not numbers cannot inject markup) unless it is markup
 * built by `html` itself; arrays are joined.
 */
function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  return new Markup(strings.reduce((out, literal, i) => out + literal + (i < values.length ? escaped(values[i]) : ''), ''));
}

/** Markup from a trusted renderer (KaTeX, the inlined builds), named so that each use is visible. */
function trusted(text: string): Markup {
  return new Markup(text);
}

/** JSON that can sit inside a <script> element: no `<`, so no `</script>` or `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function moduleFile(module: string, file: string): string {
  return join(dirname(createRequire(import.meta.url).resolve(module)), file);
}

/** A browser build's source from node_modules, without its source-map comment. */
function browserBuild({ module, file }: (typeof BROWSER_BUILDS)[number]): string {
  const source = readFileSync(moduleFile(module, file), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  if (/<\/script|<!--/i.test(source)) throw new Error(`${module}/${file} cannot be inlined in a <script> element`);
  return source;
}

/** KaTeX's stylesheet with its WOFF2 fonts inlined as data URLs (the WOFF and TTF fallbacks dropped). */
function katexStyle(): string {
  const css = readFileSync(moduleFile('katex', 'katex.min.css'), 'utf8');
  const fonts = dirname(moduleFile('katex', 'katex.min.css'));
  const inlined = css.replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)[^;}]*/g, (_, name: string) => {
    const data = readFileSync(join(fonts, 'fonts', `${name}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  if (/url\(fonts\//.test(inlined) || /<\/style/i.test(inlined)) throw new Error('katex.min.css cannot be inlined in a <style> element');
  return inlined;
}

/** A statement typeset by KaTeX, or its ASCII text when KaTeX cannot parse the TeX made of it. */
function formula(statement: string): Markup {
  try {
    return trusted(katex.renderToString(statementTex(statement), { throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' }));
  } catch {
    return html`<code>${statement}</code>`;
  }
}

function badge(verdict: string): Markup {
  return html`<span class="badge ${verdict}">${verdict}</span>`;
}

interface Chart {
  readonly container: string;
  readonly spec: TopLevelSpec;
}

/** lhs/rhs (rhs/lhs for a lower bound) at a point: above 1, the inequality fails there. */
function sideRatio(report: Report, point: PointReport): number | null {
  const ratio = report.claim.kind === 'upper' ? point.lhs / point.rhs : point.rhs / point.lhs;
  return Number.isFinite(ratio) && ratio > 0 ? ratio : null;
}

/** The overview's value of a claim: its tightness where it held, else lhs/rhs at its counterexample or worst point. */
function overviewRatio(report: Report): number | null {
  if (report.verdict === 'holds' && report.tightness !== null && report.tightness > 0) return report.tightness;
  const point = report.counterexample ?? report.worst;
  return point ? sideRatio(report, point) : null;
}

function overviewSpec(claims: readonly Report[]): TopLevelSpec {
  const rows = claims.map((r) => ({
    id: r.claim.id,
    verdict: r.verdict,
    expected: r.claim.expected,
    ratio: overviewRatio(r),
    summary: marginSummary(r),
  }));
  const missing = rows.filter((row) => row.ratio === null).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'lhs / rhs at each claim’s worst point',
      subtitle: [
        'right of 1: the inequality fails there; for a claim that held, its tightness (1: the bound is attained)',
        ...(missing > 0 ? [`${plural(missing, 'claim')} with no finite positive ratio (a side 0 or infinite) left out`] : []),
      ],
    },
    width: 560,
    height: { step: 16 },
    data: { values: rows.filter((row) => row.ratio !== null) },
    layer: [
      { mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { datum: 1 } } },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
        encoding: {
          y: { field: 'id', type: 'nominal', title: null, scale: { domain: rows.filter((row) => row.ratio !== null).map((row) => row.id) } },
          x: { field: 'ratio', type: 'quantitative', title: 'lhs / rhs (rhs / lhs for lower bounds)', scale: { type: 'log' } },
          color: {
            field: 'verdict',
            type: 'nominal',
            title: 'verdict',
            scale: { domain: Object.keys(VERDICT_COLORS), range: Object.values(VERDICT_COLORS) },
          },
          tooltip: [
            { field: 'id', type: 'nominal' },
            { field: 'verdict', type: 'nominal' },
            { field: 'expected', type: 'nominal' },
            { field: 'summary', type: 'nominal', title: 'margin / tightness' },
          ],
        },
      },
    ],
  };
}

/** Both sides of a statement at a point, as two bars from zero. */
/**
 * Both sides at the point as bars; for a statistical statement, the sample estimate first (the lhs
 * is its confidence bound).
 */
function pointSidesSpec(report: Report, point: PointReport, statistics?: SampleStatistics): TopLevelSpec {
  const sides = [
    ...(statistics ? [{ side: `sample estimate (${statistics.repetitions} runs)`, value: statistics.estimate, color: '#f4a5a4' }] : []),
    { side: statistics ? `lhs: ${formatNumber(statistics.level * 100)}% confidence bound` : 'lhs', value: point.lhs, color: '#e45756' },
    { side: 'rhs (bound)', value: point.rhs, color: '#333333' },
  ].filter((s) => Number.isFinite(s.value));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${report.claim.id}: ${statistics ? 'the sample' : 'both sides'} at the point`, subtitle: `claimed lhs ${report.claim.kind === 'upper' ? '≤' : '≥'} rhs` },
    width: 360,
    height: { step: 28 },
    data: { values: sides.map(({ side, value }) => ({ side, value })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'side', type: 'nominal', title: null, sort: null },
      x: { field: 'value', type: 'quantitative', title: 'value' },
      color: { field: 'side', type: 'nominal', scale: { domain: sides.map((s) => s.side), range: sides.map((s) => s.color) }, legend: null },
    },
  };
}

function paramsList(params: Readonly<Record<string, number>>): Markup {
  return html`${Object.entries(params).map(([name, value], i) => html`${i > 0 ? ', ' : ''}<code>${name} = ${formatNumber(value)}</code>`)}`;
}

function anchorOf(report: Report): string {
  return `drill-down-${report.claim.id}`;
}

function claimLink(report: Report): Markup {
  return report.verdict === 'holds' ? html`${report.claim.id}` : html`<a href="#${anchorOf(report)}">${report.claim.id}</a>`;
}

function verdictCell(report: Report): Markup {
  return isUnexpected(report) ? html`${badge(report.verdict)} <span class="expected">expected ${report.claim.expected}</span>` : badge(report.verdict);
}

/** Counts by verdict as badges, and the claims whose verdict differs from the expected one. */
function summarySection(claims: readonly Report[]): Markup {
  const unexpected = claims.filter(isUnexpected);
  return html`<section class="summary">
<p class="counts">${verdictCounts(claims).map(({ verdict, count }) => html`<span class="badge ${verdict}">${count} ${verdict}</span> `)}</p>
<p>${verdictSummary(claims)}</p>
${
  unexpected.length === 0
    ? html`<p class="all-expected">Every verdict is the expected one.</p>`
    : html`<h2>Verdicts that differ from the expected ones</h2>
<ul class="unexpected">${unexpected.map((r) => html`<li>${claimLink(r)}: ${badge(r.verdict)}, expected ${r.claim.expected}</li>`)}</ul>`
}
</section>`;
}

function verdictTable(claims: readonly Report[]): Markup {
  const header = ['id', 'paper and result', 'provenance', 'statement', 'verdict', 'worst margin / tightness', 'instances'];
  const rows = unexpectedFirst(claims).map(
    (r) =>
      html`<tr class="${isUnexpected(r) ? 'unexpected' : 'as-expected'}"><td>${claimLink(r)}</td><td>${sourceReference(r.source)}</td><td>${provenanceWithTag(r.source)}</td><td class="statement">${formula(r.claim.statement)}</td><td>${verdictCell(r)}</td><td>${marginSummary(r)}</td><td class="number">${r.search.evaluations}</td></tr>\n`,
  );
  return html`<table class="verdicts">
<thead><tr>${header.map((h) => html`<th>${h}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

/** The point a drill-down shows: the counterexample, else the first inconclusive candidate, else the worst point. */
export function drillDownPoint(report: Report): { point: PointReport; which: string } | undefined {
  if (report.counterexample) return { point: report.counterexample, which: 'certified counterexample' };
  if (report.uncertified[0]) return { point: report.uncertified[0], which: 'candidate that failed certification' };
  if (report.worst) return { point: report.worst, which: 'worst point found' };
  return undefined;
}

/** The drill-down's chart (added to `charts`) with its caption, or why there is none. */
function drillDownFigure(report: Report, point: PointReport, drillDown: DrillDown | undefined, charts: Chart[]): Markup {
  const container = `chart-drill-down-${charts.length}`;
  if (drillDown?.kind === 'statistical') {
    const s = drillDown.statistics;
    const [low, high] = s.interval;
    const interval = `${Number.isFinite(low) ? `[${formatNumber(low)}` : '(−∞'}, ${Number.isFinite(high) ? `${formatNumber(high)}]` : '∞)'}`;
    charts.push({ container, spec: pointSidesSpec(report, point, s) });
    return html`<figure class="statistical"><div class="chart" id="${container}"></div><figcaption>A statistical statement over ${s.repetitions} seeded runs: the sample estimate is ${s.estimate} (standard deviation ${s.standardDeviation}); the lhs is its one-sided ${formatNumber(s.level * 100)}% confidence bound, the interval ${interval} (each instance at level ${s.perInstanceLevel}, Bonferroni over ${s.comparisons} comparisons; ${s.method}), against rhs ${point.rhs}.</figcaption></figure>`;
  }
  if (drillDown === undefined || drillDown.kind !== 'run') {
    // A pointwise statement, or a run that cannot be re-done here: both sides at the point.
    const why =
      drillDown === undefined
        ? 'No trajectory: no drill-down was computed for this claim. '
        : drillDown.kind === 'unavailable'
          ? `No trajectory: ${drillDown.reason}. `
          : 'The statement is about a point. ';
    charts.push({ container, spec: pointSidesSpec(report, point) });
    return html`<figure class="point"><div class="chart" id="${container}"></div><figcaption>${why}Both sides at the point: lhs ${point.lhs} against rhs ${point.rhs}.</figcaption></figure>`;
  }
  charts.push({ container, spec: drillDown.spec });
  return html`<figure class="run"><div class="chart" id="${container}"></div><figcaption>${drillDown.caption}</figcaption></figure>`;
}

/** A claim's drill-down (one that did not hold, or one asked for): its point, certificate and replay, and its chart (or why there is none). */
function drillDownSection(report: Report, drillDown: DrillDown | undefined, charts: Chart[]): Markup {
  const shown = drillDownPoint(report);
  const c = report.counterexample;
  const facts = shown
    ? [
        html`${shown.which} at ${paramsList(shown.point.params)}${c?.x0 ? html`, x<sub>0</sub> = [${c.x0.map(formatNumber).join(', ')}]` : ''}${c?.horizon !== undefined ? html`, horizon ${c.horizon}` : ''}`,
        html`lhs ${shown.point.lhs}, rhs ${shown.point.rhs}, normalized margin ${formatNumber(shown.point.margin)}`,
        ...(c ? [html`certified by ${c.certificate.method}: ${c.certificate.reason}`] : []),
        ...report.uncertified.map((u) => html`not certified at ${paramsList(u.params)}: ${u.certificate.reason}`),
        ...(report.replay ? [html`replay: <code>${report.replay}</code>`] : []),
      ]
    : [html`the search kept no point (${report.search.discarded} instances discarded by hypotheses)`];
  return html`<section class="drill-down ${report.verdict}" id="${anchorOf(report)}">
<h3>${badge(report.verdict)} ${report.claim.id}: ${report.claim.title}</h3>
<p class="statement">${formula(report.claim.statement)} <span class="provenance">(${sourceReference(report.source)}; ${provenanceWithTag(report.source)})</span></p>
<ul>${facts.map((f) => html`<li>${f}</li>`)}</ul>
${shown ? drillDownFigure(report, shown.point, drillDown, charts) : ''}
</section>`;
}

/** Renders every chart with vega-embed and counts them in `window.__boundcheckCharts` (the browser test waits on it). */
const BOOTSTRAP = `(() => {
  const charts = JSON.parse(document.getElementById('boundcheck-charts').textContent);
  const status = (window.__boundcheckCharts = { expected: charts.length, rendered: 0, failed: 0 });
  for (const { container, spec } of charts) {
    const element = document.getElementById(container);
    vegaEmbed(element, spec, ${JSON.stringify(EMBED_OPTIONS)}).then(
      () => { status.rendered++; },
      (error) => { status.failed++; element.textContent = 'This chart could not be drawn: ' + error.message; console.error(error); },
    );
  }
})();`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
table.verdicts { border-collapse: collapse; width: 100%; margin: 1rem 0; }
table.verdicts th, table.verdicts td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
table.verdicts th { background: #f3f3f3; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.unexpected { background: #fde8e8; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.8rem; color: #fff; font-weight: 600; font-size: 0.85em; white-space: nowrap; }
${Object.entries(VERDICT_COLORS)
  .map(([verdict, color]) => `.badge.${verdict} { background: ${color}; }`)
  .join('\n')}
.expected { color: #a00; font-size: 0.85em; white-space: nowrap; }
.summary .counts .badge { font-size: 1em; margin-right: 0.3rem; }
.statement .katex { font-size: 1.05em; }
td.statement { max-width: 28rem; }
code { font-size: 0.92em; }
figure { margin: 0.5rem 0 1.5rem; }
figcaption, .provenance { color: #555; }
section.drill-down { border-top: 1px solid #ddd; padding-top: 0.5rem; }
`;

/** "boundcheck: classical.O1" for one claim, "boundcheck: 53 claims" for several. */
function pageTitle(claims: readonly Report[]): string {
  return claims.length === 1 ? `boundcheck: ${claims[0].claim.id}` : `boundcheck: ${plural(claims.length, 'claim')}`;
}

/** The HTML page of a check result, with the drill-downs of the claims that did not hold and of those that held and are in `drillDowns` (asked for by `report --drill-down`). */
export function checkHtml(check: CheckResult, drillDowns: DrillDowns): string {
  const { claims } = check;
  const charts: Chart[] = [{ container: 'chart-overview', spec: overviewSpec(claims) }];
  const notHolding = unexpectedFirst(claims.filter((r) => r.verdict !== 'holds'));
  const sections = notHolding.map((r) => drillDownSection(r, drillDowns.get(r.claim.id), charts));
  const requested = claims.filter((r) => r.verdict === 'holds' && drillDowns.has(r.claim.id));
  const requestedSections = requested.map((r) => drillDownSection(r, drillDowns.get(r.claim.id), charts));
  const first = claims[0];
  const title = pageTitle(claims);
  const body = html`<h1>${title}</h1>
${summarySection(claims)}
<p>Seed ${check.seed}, budget ${check.budget} evaluations per claim. ${EVIDENCE_NOTE}</p>
${
  first
    ? html`<p>Tolerance: normalized margins at or below ${first.tolerance} count as holding. A violation is reported only when a high-precision replay keeps the margin's sign: in double-double ball arithmetic (rigorous error bounds) with every value it hands on rounding exactly, or else in BigNumber arithmetic at ${first.certification.digits.join(' and ')} significant digits with the same leading digits.</p>`
    : ''
}
${verdictTable(claims)}
<figure><div class="chart" id="chart-overview"></div></figure>
${sections.length > 0 ? html`<h2>Claims that did not hold</h2>\n${sections.map((s) => html`${s}\n`)}` : ''}
${requestedSections.length > 0 ? html`<h2>Claims that held, on request</h2>\n${requestedSections.map((s) => html`${s}\n`)}` : ''}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    html`<title>${title}</title>`.text,
    `<style>${katexStyle()}</style>`,
    `<style>${STYLE}</style>`,
    ...BROWSER_BUILDS.map((build) => `<script>${browserBuild(build)}</script>`),
    '</head>',
    '<body>',
    body.text,
    `<script type="application/json" id="boundcheck-charts">${scriptJson(charts)}</script>`,
    `<script>${BOOTSTRAP}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The main job's HTML report (out/report.html): the verdict table of `check`, an overview chart of
 * every claim's normalized margin, and for each violated claim a drill-down chart of its
 * counterexample re-run by GD (gap against iteration, with the bound). The charts are vega-lite
 * specs rendered by vega-embed; the vega, vega-lite and vega-embed browser builds are inlined from
 * node_modules, so the page works opened from disk with no network. The same report and re-runs
 * give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { StopReason } from '../gd/trajectory.js';
import { decimate, LABELS, trajectoryFigure } from '../plot/specs.js';
import { formatNumber } from '../util/format.js';
import { provenanceWithTag, sourceReference } from './citation.js';
import { marginSummary } from './markdown.js';
import { EVIDENCE_NOTE, type Report } from './report.js';

/** What `check` writes to out/report.json, less its schema tag. */
export interface CheckResult {
  readonly seed: number;
  readonly budget: number;
  readonly claims: readonly Report[];
}

/** A violated claim's counterexample re-run: the gap f(x_t) - f* at t = 0..steps, or why there is none to show. */
export type CounterexampleRun =
  | { readonly gap: readonly number[]; readonly stop: StopReason }
  | { readonly unavailable: string };

/** The re-runs by claim id; a violated claim with none gets a note instead of its chart. */
export type DrillDowns = ReadonlyMap<string, CounterexampleRun>;

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

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * A value read from a report, for the page: a report is data anyone may have edited, so a field
 * typed as a number may hold markup; numbers are formatted, anything else escaped as text.
 */
function shown(value: unknown): string {
  return escapeHtml(typeof value === 'number' ? formatNumber(value) : String(value));
}

/** A report's number written as it is (no rounding), escaped. */
function raw(value: unknown): string {
  return escapeHtml(String(value));
}

/** JSON that can sit inside a <script> element: no `<`, so no `</script>` or `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A browser build's source from node_modules, without its source-map comment. */
function browserBuild({ module, file }: (typeof BROWSER_BUILDS)[number]): string {
  const buildFolder = dirname(createRequire(import.meta.url).resolve(module));
  const source = readFileSync(join(buildFolder, file), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  if (/<\/script|<!--/i.test(source)) throw new Error(`${module}/${file} cannot be inlined in a <script> element`);
  return source;
}

interface Chart {
  readonly container: string;
  readonly spec: TopLevelSpec;
}

/** The margin the table shows: the counterexample's when there is one, else the worst point's. */
function displayedMargin(report: Report): number | null {
  const margin = (report.counterexample ?? report.worst)?.margin;
  return margin !== undefined && Number.isFinite(margin) ? margin : null;
}

function overviewSpec(claims: readonly Report[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Normalized margin per claim', subtitle: 'positive: the inequality fails there; claims with no finite margin have no bar' },
    width: 560,
    height: { step: 22 },
    data: {
      values: claims.map((r) => ({
        id: r.claim.id,
        verdict: r.verdict,
        expected: r.claim.expected,
        margin: displayedMargin(r),
        summary: marginSummary(r),
      })),
    },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y: { field: 'id', type: 'nominal', title: null, scale: { domain: claims.map((r) => r.claim.id) } },
          x: { field: 'margin', type: 'quantitative', title: 'normalized margin (lhs - rhs) / scale, sign flipped for lower bounds' },
          color: {
            field: 'verdict',
            type: 'nominal',
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
      { mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } },
    ],
  };
}

/** Whether the claim bounds the gap at the run's end (its lhs is that gap), so the bound belongs on the gap's axis. */
function boundsFinalGap(report: Report, gap: readonly number[]): boolean {
  const c = report.counterexample!;
  return gap[gap.length - 1] === c.lhs && Number.isFinite(c.rhs);
}

function drillDownSpec(report: Report, gap: readonly number[], withBound: boolean): TopLevelSpec {
  const c = report.counterexample!;
  const last = gap.length - 1;
  const trajectory = decimate({ label: LABELS.gap, x: gap.map((_, t) => t), y: gap });
  return trajectoryFigure({
    title: `${report.claim.id}: the counterexample re-run`,
    subtitle: report.claim.statement,
    series: [trajectory],
    ...(withBound ? { bound: { label: `bound ${formatNumber(c.rhs)}`, x: [0, last], y: [c.rhs, c.rhs] } } : {}),
    yLabel: LABELS.gap,
    logY: gap.every((v) => v > 0) && (!withBound || c.rhs > 0),
  });
}

function paramsList(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([name, value]) => `<code>${escapeHtml(name)} = ${shown(value)}</code>`)
    .join(', ');
}

function verdictTable(claims: readonly Report[]): string {
  const header = ['id', 'paper and result', 'provenance', 'statement', 'verdict (expected)', 'worst margin / tightness', 'instances'];
  const rows = claims.map((r) => {
    const matches = r.verdict === r.claim.expected;
    const id = r.counterexample ? `<a href="#${escapeHtml(anchorOf(r))}">${escapeHtml(r.claim.id)}</a>` : escapeHtml(r.claim.id);
    const cells = [
      id,
      escapeHtml(sourceReference(r.source)),
      escapeHtml(provenanceWithTag(r.source)),
      `<code>${escapeHtml(r.claim.statement)}</code>`,
      `<span class="verdict ${raw(r.verdict)}">${raw(r.verdict)}</span> (${raw(r.claim.expected)})`,
      escapeHtml(marginSummary(r)),
      raw(r.search.evaluations),
    ];
    return `<tr class="${matches ? 'as-expected' : 'unexpected'}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return [
    '<table class="verdicts">',
    `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function anchorOf(report: Report): string {
  return `counterexample-${report.claim.id}`;
}

function note(text: string): string {
  return `<p class="note">No trajectory to show: ${escapeHtml(text)}.</p>`;
}

/** The re-run's chart (added to `charts`) with its caption, or why there is none. */
function drillDownFigure(report: Report, run: CounterexampleRun | undefined, charts: Chart[]): string {
  if (run === undefined) return note('the counterexample was not re-run');
  if ('unavailable' in run) return note(run.unavailable);
  const steps = run.gap.length - 1;
  if (steps === 0) return note('the counterexample is a run of 0 steps');
  const c = report.counterexample!;
  const container = `chart-counterexample-${charts.length}`;
  const withBound = boundsFinalGap(report, run.gap);
  charts.push({ container, spec: drillDownSpec(report, run.gap, withBound) });
  const ran = `GD from the counterexample's start, ${raw(steps)} step${steps === 1 ? '' : 's'} (stopped: ${raw(run.stop)})`;
  const caption = withBound
    ? `${ran}; the dashed line is the bound on the final gap.`
    : `${ran}. The statement's left-hand side is not the gap itself: here it is ${raw(c.lhs)} against the bound ${raw(c.rhs)}.`;
  return `<figure><div class="chart" id="${container}"></div><figcaption>${caption}</figcaption></figure>`;
}

/** A violated claim's section: the counterexample, its certificate and replay, and its chart (or why there is none). */
function drillDownSection(report: Report, run: CounterexampleRun | undefined, charts: Chart[]): string {
  const c = report.counterexample!;
  const facts = [
    `at ${paramsList(c.params)}${c.x0 ? `, x<sub>0</sub> = [${c.x0.map(shown).join(', ')}]` : ''}${c.horizon !== undefined ? `, horizon ${raw(c.horizon)}` : ''}`,
    `lhs ${raw(c.lhs)}, rhs ${raw(c.rhs)}, normalized margin ${shown(c.margin)}`,
    `certified by ${escapeHtml(c.certificate.method)}: ${escapeHtml(c.certificate.reason)}`,
    ...(report.replay ? [`replay: <code>${escapeHtml(report.replay)}</code>`] : []),
  ];
  return [
    `<section class="counterexample" id="${escapeHtml(anchorOf(report))}">`,
    `<h3>${escapeHtml(report.claim.id)}: ${escapeHtml(report.claim.title)}</h3>`,
    `<p><code>${escapeHtml(report.claim.statement)}</code> (${escapeHtml(provenanceWithTag(report.source))})</p>`,
    `<ul>${facts.map((f) => `<li>${f}</li>`).join('')}</ul>`,
    drillDownFigure(report, run, charts),
    '</section>',
  ].join('\n');
}

function inconclusiveList(claims: readonly Report[]): string {
  const items = claims.flatMap((r) =>
    r.uncertified.map((u) => `<li>${escapeHtml(r.claim.id)} at ${paramsList(u.params)}: ${escapeHtml(u.certificate.reason)}</li>`),
  );
  return items.length === 0 ? '' : `<h2>Inconclusive candidates</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
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
tr.unexpected { background: #fde8e8; }
.verdict.violated { color: ${VERDICT_COLORS.violated}; font-weight: 600; }
.verdict.diverged { color: ${VERDICT_COLORS.diverged}; font-weight: 600; }
.verdict.inconclusive { color: ${VERDICT_COLORS.inconclusive}; }
code { font-size: 0.92em; }
figure { margin: 0.5rem 0 1.5rem; }
figcaption, .note { color: #555; }
section.counterexample { border-top: 1px solid #ddd; padding-top: 0.5rem; }
`;

/** The HTML page of a check result, with the counterexample re-runs for its drill-down charts. */
export function checkHtml(check: CheckResult, drillDowns: DrillDowns): string {
  const { claims } = check;
  const charts: Chart[] = [{ container: 'chart-overview', spec: overviewSpec(claims) }];
  const violated = claims.filter((r) => r.counterexample);
  const mismatches = claims.filter((r) => r.verdict !== r.claim.expected).length;
  const sections = violated.map((r) => drillDownSection(r, drillDowns.get(r.claim.id), charts));
  const first = claims[0];
  const body = [
    '<h1>boundcheck: built-in claims</h1>',
    `<p>${claims.length} claims, seed ${raw(check.seed)}, budget ${raw(check.budget)} evaluations per claim; ${mismatches} verdicts differ from the expected ones. ${escapeHtml(EVIDENCE_NOTE)}</p>`,
    ...(first
      ? [
          `<p>Tolerance: normalized margins at or below ${raw(first.tolerance)} count as holding. A violation is reported only when a replay in BigNumber arithmetic at ${raw(first.certification.digits.join(' and '))} significant digits keeps the margin's sign and leading digits.</p>`,
        ]
      : []),
    verdictTable(claims),
    '<figure><div class="chart" id="chart-overview"></div></figure>',
    ...(violated.length > 0 ? ['<h2>Certified counterexamples</h2>', ...sections] : []),
    inconclusiveList(claims),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>boundcheck report</title>',
    `<style>${STYLE}</style>`,
    ...BROWSER_BUILDS.map((build) => `<script>${browserBuild(build)}</script>`),
    '</head>',
    '<body>',
    ...body.filter((part) => part !== ''),
    `<script type="application/json" id="boundcheck-charts">${scriptJson(charts)}</script>`,
    `<script>${BOOTSTRAP}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The HTML report in a real browser: a small check result (two classical claims, O1's broken twin,
 * a false statement about a point and a false statistical one, SGD without interpolation, searched
 * in-process) turned into
 * out/browser-test/report.html by `runReport`, opened from disk in headless Chromium (installed by
 * scripts/ensure-chromium.sh when missing). The summary counts the verdicts, statements are
 * typeset by KaTeX, each claim that did not hold has its drill-down (a run against its bound over
 * t, a point with both sides, a sample with its estimate and confidence interval), a claim that
 * held has one on request (`--drill-down`), every chart renders with no console error, no page error and no
 * request beyond the file itself; a screenshot goes to out/screenshots/report.png. A crafted report
 * with markup in its numeric and text fields renders that markup as text.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTarget, searchTarget } from '../../src/cli/falsify.js';
import { CHECK_SCHEMA, runReport } from '../../src/cli/report.js';
import { toJson, writeAtomically, type Report } from '../../src/report/report.js';

const CHROMIUM = '/usr/bin/chromium';
/** Needed on a closed network: no QUIC, no background, component or sync traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUT = resolve('out/browser-test');
const SCREENSHOT = resolve('out/screenshots/report.png');
const SETTINGS = { seed: 1, budget: 100 };
const CLAIMS = [
  { file: 'proofs-checks/classical/O1-drori-teboulle.ts', exportName: 'default' },
  { file: 'proofs-checks/classical/O1-drori-teboulle.ts', exportName: 'twin' },
  { file: 'proofs-checks/classical/O2-strongly-convex-contraction.ts', exportName: 'default' },
  { file: 'tests/plot/fixtures/pointwise-claim.ts', exportName: 'twin' },
  { file: 'proofs-checks/alimisis2025/S3.7b-sgd-needs-interpolation.ts', exportName: 'default' },
];
const INJECTION = '<img src=x onerror="window.__injected = true">';

interface ChartStatus {
  readonly expected: number;
  readonly rendered: number;
  readonly failed: number;
}

describe('report.html in Chromium', () => {
  let browser: Browser;
  let reports: Report[];
  let htmlFile: string;

  beforeAll(async () => {
    await promisify(execFile)('bash', ['scripts/ensure-chromium.sh'], { timeout: 600_000 });
    reports = [];
    for (const { file, exportName } of CLAIMS) {
      const target = await loadTarget(file, exportName);
      reports.push(await searchTarget(target, { ...SETTINGS, workers: 1 }, { quiet: true }));
    }
    const reportFile = join(OUT, 'report.json');
    writeAtomically(reportFile, toJson({ schema: CHECK_SCHEMA, ...SETTINGS, claims: reports }));
    await runReport([reportFile], { html: true });
    htmlFile = join(OUT, 'report.html');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 660_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is the same file when written again from the same report', async () => {
    const first = readFileSync(htmlFile, 'utf8');
    await runReport([join(OUT, 'report.json')], { html: true });
    expect(readFileSync(htmlFile, 'utf8')).toBe(first);
  });

  async function openPage(file: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = { console: [] as string[], page: [] as string[], requests: [] as string[] };
    page.on('console', (message) => {
      if (message.type() === 'error') problems.console.push(message.text());
    });
    page.on('pageerror', (error) => problems.page.push(error.message));
    page.on('request', (request) => {
      if (!/^(file|data|blob):/.test(request.url())) problems.requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction('window.__boundcheckCharts && window.__boundcheckCharts.rendered + window.__boundcheckCharts.failed === window.__boundcheckCharts.expected', undefined, { timeout: 20_000 });
    return { page, problems };
  }

  it('shows the summary, typeset statements and a drill-down of each kind, offline and without errors', async () => {
    const notHolding = reports.filter((r) => r.verdict !== 'holds').map((r) => r.claim.id);
    expect(notHolding).toEqual(['classical.O1.twin', 'fixture.pointwise.twin', 'alimisis2025.S3.7b']);
    const expectedCharts = 1 + notHolding.length;
    const { page, problems } = await openPage(htmlFile);

    await expect(page.title()).resolves.toBe('boundcheck: 5 claims');
    await expect(page.locator('.summary .counts').innerText()).resolves.toBe('3 violated 2 holds');
    await expect(page.locator('.summary').innerText()).resolves.toMatch(/5 claims: 3 violated, 2 holds; 0 verdicts differ from the expected ones\./);
    await expect(page.locator('table.verdicts tbody tr').count()).resolves.toBe(reports.length);
    await expect(page.locator('table.verdicts .badge.violated').count()).resolves.toBe(3);
    // Every statement typeset: KaTeX's markup in each row, with its fonts inlined (no request was made).
    await expect(page.locator('table.verdicts td.statement .katex').count()).resolves.toBe(reports.length);
    await expect(page.locator('table.verdicts td.statement .katex-mathml annotation').first().textContent()).resolves.toMatch(/\\le/);

    const status = await page.evaluate<ChartStatus>('window.__boundcheckCharts');
    expect(status).toEqual({ expected: expectedCharts, rendered: expectedCharts, failed: 0 });
    await expect(page.locator('.chart:has(svg), .chart:has(canvas)').count()).resolves.toBe(expectedCharts);
    await expect(page.locator('section.drill-down').count()).resolves.toBe(notHolding.length);
    // A run: the trajectory against the bound as a function of t, its parameters in the caption.
    const run = page.locator('#drill-down-classical\\.O1\\.twin figure.run');
    await expect(run.locator('svg.marks').count()).resolves.toBe(1);
    await expect(run.locator('figcaption').innerText()).resolves.toMatch(/at L = .*The dashed line is the bound at every horizon t ≤ \d+ \(N = t/);
    // A point: both sides.
    const point = page.locator('#drill-down-fixture\\.pointwise\\.twin figure.point');
    await expect(point.locator('svg.marks').count()).resolves.toBe(1);
    await expect(point.locator('figcaption').innerText()).resolves.toMatch(/lhs [\d.e-]+ against rhs [\d.e-]+/);
    // A statistical statement: the sample's estimate, the confidence bound and its interval, against the rhs.
    const sample = page.locator('#drill-down-alimisis2025\\.S3\\.7b figure.statistical');
    await expect(sample.locator('svg.marks').count()).resolves.toBe(1);
    await expect(sample.locator('figcaption').innerText()).resolves.toMatch(
      /over \d+ seeded runs: the sample estimate is [\d.e-]+ .*one-sided 95% confidence bound, the interval \[[\d.e-]+, ∞\) .*against rhs [\d.e-]+\./,
    );

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
    expect(problems).toEqual({ console: [], page: [], requests: [] });
  });

  it('a single claim is titled by its id and counted as one claim', async () => {
    const single = join(OUT, 'single.json');
    writeAtomically(single, toJson(reports[1]));
    await runReport([single], { html: true });
    const text = readFileSync(join(OUT, 'single.html'), 'utf8');
    expect(text).toContain('<title>boundcheck: classical.O1.twin</title>');
    expect(text).toContain('1 claim: 1 violated; 0 verdicts differ');
    expect(text).not.toMatch(/1 claims|built-in claims/);
  });

  it('a claim that held gets its drill-down on request (report --drill-down), at its worst point', async () => {
    const requestedFile = join(OUT, 'requested.json');
    writeAtomically(requestedFile, readFileSync(join(OUT, 'report.json'), 'utf8'));
    await runReport([requestedFile], { html: true, 'drill-down': 'classical.O1' });
    const { page, problems } = await openPage(join(OUT, 'requested.html'));
    await expect(page.locator('h2').allInnerTexts()).resolves.toEqual(['Claims that did not hold', 'Claims that held, on request']);
    const run = page.locator('#drill-down-classical\\.O1 figure.run');
    await expect(run.locator('svg.marks').count()).resolves.toBe(1);
    await expect(page.locator('#drill-down-classical\\.O1 li').first().innerText()).resolves.toMatch(/^worst point found at /);
    await page.close();
    expect(problems).toEqual({ console: [], page: [], requests: [] });
    await expect(runReport([requestedFile], { html: true, 'drill-down': 'no.such.claim' })).rejects.toThrow('--drill-down: no claim "no.such.claim" in this report');
  });

  it('a crafted report with markup in its numeric and text fields shows that markup as text', async () => {
    const crafted = reports.map((r) =>
      r.counterexample
        ? {
            ...r,
            claim: { ...r.claim, title: INJECTION },
            search: { ...r.search, evaluations: INJECTION as unknown as number },
            counterexample: { ...r.counterexample, lhs: INJECTION as unknown as number, rhs: INJECTION as unknown as number },
          }
        : r,
    );
    const craftedFile = join(OUT, 'crafted.json');
    writeAtomically(craftedFile, toJson({ schema: CHECK_SCHEMA, ...SETTINGS, seed: INJECTION, claims: crafted }));
    await runReport([craftedFile], { html: true });
    const { page } = await openPage(join(OUT, 'crafted.html'));
    await expect(page.evaluate('window.__injected === undefined')).resolves.toBe(true);
    await expect(page.locator('body img').count()).resolves.toBe(0);
    await expect(page.locator('body').innerText()).resolves.toContain(INJECTION);
    await page.close();
  });
});

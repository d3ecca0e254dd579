/**
 * The HTML report in a real browser: a small check result (two classical claims and O1's broken
 * twin, searched in-process) turned into out/browser-test/report.html by `runReport`, opened from
 * disk in headless Chromium (installed by scripts/ensure-chromium.sh when missing). Every chart
 * must render with no console error, no page error and no request beyond the file itself; a
 * screenshot goes to out/screenshots/report.png.
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
];

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

  it('renders the overview and one drill-down per violated claim, offline and without errors', async () => {
    const violated = reports.filter((r) => r.counterexample).map((r) => r.claim.id);
    expect(violated).toEqual(['classical.O1.twin']);
    const expectedCharts = 1 + violated.length;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requestsBeyondFile: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (!/^(file|data|blob):/.test(request.url())) requestsBeyondFile.push(request.url());
    });

    await page.goto(pathToFileURL(htmlFile).href);
    await page.waitForFunction('window.__boundcheckCharts && window.__boundcheckCharts.rendered + window.__boundcheckCharts.failed === window.__boundcheckCharts.expected', undefined, { timeout: 20_000 });
    const status = await page.evaluate<ChartStatus>('window.__boundcheckCharts');
    expect(status).toEqual({ expected: expectedCharts, rendered: expectedCharts, failed: 0 });
    await expect(page.locator('.chart').count()).resolves.toBe(expectedCharts);
    await expect(page.locator('.chart:has(svg), .chart:has(canvas)').count()).resolves.toBe(expectedCharts);
    await expect(page.locator('table.verdicts tbody tr').count()).resolves.toBe(reports.length);
    await expect(page.locator('section.counterexample').count()).resolves.toBe(violated.length);

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();

    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requestsBeyondFile).toEqual([]);
  });
});

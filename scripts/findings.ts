/**
 * `npm run findings`: after the main job (`npm start`), keeps the Findings of out/report.json in
 * tests/fixtures/findings/report.json (the reports cut to what the Findings read) and writes the
 * Findings text (src/report/findings.ts) between the markers of README.md's Findings section.
 * tests/report/findings.test.ts checks that the README's text is the one generated from the fixture.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECK_SCHEMA } from '../src/cli/report.js';
import { findingReport, findingsMarkdown, withFindingsBlock, type FindingReport } from '../src/report/findings.js';
import { readJsonFile, toJson } from '../src/report/report.js';

const root = new URL('../', import.meta.url).pathname;
const check = readJsonFile<{ schema: string; seed: number; budget: number; claims: FindingReport[] }>(`${root}out/report.json`, [CHECK_SCHEMA], 'check result');
const claims = check.claims.filter((r) => r.claim.finding).map(findingReport);
writeFileSync(`${root}tests/fixtures/findings/report.json`, toJson({ schema: 'boundcheck-findings/1', seed: check.seed, budget: check.budget, claims }));
const readme = `${root}README.md`;
writeFileSync(readme, withFindingsBlock(readFileSync(readme, 'utf8'), findingsMarkdown(claims, check)));
console.log(`${claims.length} findings written to README.md and tests/fixtures/findings/report.json`);

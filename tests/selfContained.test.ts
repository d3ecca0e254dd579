/**
 * The repository is self-contained: no code, test or script reads a path outside it (a sibling
 * checkout, a home folder, the temporary folder), and every theory note the built-in claims cite exists in
 * docs/theory/, as written out by the reports (src/report/citation.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claimFilesIn, loadClaimFile } from '../src/claims/load.js';
import { citedSource, resolveCitations, THEORY_NOTES, THEORY_NOTES_FOLDER } from '../src/report/citation.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCANNED_FOLDERS = ['src', 'bounds', 'proofs-checks', 'notebooks', 'tests', 'bin', 'scripts'];
const TEXT_FILE = /\.(ts|js|mjs|cjs|json|sh|md)$/;

/**
 * Paths that exist only on the machine the code was written on. They are assembled from their
 * parts, so that this file names none of them and is scanned like every other.
 */
const SPECIFICATION = 'shared';
const MACHINE_FOLDERS = ['work', 'home', 'root', 'tmp'];
const path = (...parts: string[]): string => parts.join('/');
const OUTSIDE_PATHS: ReadonlyArray<readonly [string, RegExp]> = [
  ['a sibling checkout of the specification', new RegExp(String.raw`\.\./${SPECIFICATION}\b`)],
  ['the specification folder', new RegExp(String.raw`\b${SPECIFICATION}/(theory|reference)/`)],
  ['an absolute path under a machine folder', new RegExp(String.raw`(?<![\w.])/(${MACHINE_FOLDERS.join('|')})/`)],
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'out') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : TEXT_FILE.test(name) ? [path] : [];
  });
}

/** A note name cited bare (`warmup-h0h1.md`) or under docs/theory/. */
const CITED_NOTE = /(?<![\w./-])(?:docs\/theory\/)?([a-z0-9][a-z0-9-]*\.md)(?![\w-])/g;

function citedNotes(text: string): string[] {
  return [...text.matchAll(CITED_NOTE)].map((m) => m[1]).filter((name) => name !== 'README.md');
}

describe('no path outside the repository', () => {
  const files = SCANNED_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)));

  it('scans the code, the tests and the scripts', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((f) => relative(ROOT, f))).toContain(join('tests', 'fixtures', 'reference', 'trajectories.json'));
  });

  for (const [what, pattern] of OUTSIDE_PATHS) {
    it(`no file names ${what}`, () => {
      const offending = files.flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
      expect(offending).toEqual([]);
    });
  }

  it('the patterns catch what they are meant to', () => {
    const [sibling, shared, absolute] = OUTSIDE_PATHS.map(([, pattern]) => pattern);
    expect(sibling.test(`new URL('${path('..', '..', '..', SPECIFICATION, 'reference', 'trajectories.json')}', import.meta.url)`)).toBe(true);
    expect(shared.test(`see ${path(SPECIFICATION, 'theory', 'warmup-h0h1.md')}`)).toBe(true);
    expect(absolute.test(`readFileSync('${path('', 'work', SPECIFICATION, 'reference', 'trajectories.json')}')`)).toBe(true);
    expect(absolute.test(`join('${path('', 'tmp', '')}', name)`)).toBe(true);
    expect(absolute.test("new URL('../fixtures/reference/trajectories.json', import.meta.url)")).toBe(false);
    expect(absolute.test('src/report/citation.ts')).toBe(false);
  });
});

describe('the theory notes cited exist in docs/theory/', () => {
  const notesFolder = join(ROOT, THEORY_NOTES_FOLDER);

  it('the notes the reports resolve are the files of docs/theory/, with an index', () => {
    const files = readdirSync(notesFolder).filter((name) => name.endsWith('.md'));
    expect(files.filter((name) => name !== 'README.md').sort()).toEqual([...THEORY_NOTES].sort());
    expect(files).toContain('README.md');
  });

  it('every note cited by a built-in claim exists, and the rendered source writes out its path', async () => {
    const files = claimFilesIn(join(ROOT, 'proofs-checks'));
    expect(files.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const file of files) {
      const loaded = await loadClaimFile(file);
      for (const claim of [loaded.claim, ...Object.values(loaded.others)]) {
        const { reference, result, tag } = claim.source;
        for (const name of citedNotes(`${reference} ${result} ${tag ?? ''}`)) {
          if (!THEORY_NOTES.includes(name as (typeof THEORY_NOTES)[number])) missing.push(`${claim.id}: ${name}`);
        }
        const shown = citedSource(claim.source);
        const shownText = `${shown.reference} ${shown.result} ${shown.tag ?? ''}`;
        expect(shownText, claim.id).not.toMatch(/digest/i);
        for (const match of shownText.matchAll(CITED_NOTE)) expect(match[0], claim.id).toMatch(/^docs\/theory\//);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every note cited in the notes themselves, the README and the fixtures exists', () => {
    const texts = [
      ...readdirSync(notesFolder).map((name) => join(notesFolder, name)),
      join(ROOT, 'README.md'),
      join(ROOT, 'tests', 'fixtures', 'reference', 'README.md'),
    ];
    for (const file of texts) {
      for (const name of citedNotes(readFileSync(file, 'utf8'))) {
        expect(THEORY_NOTES as readonly string[], `${relative(ROOT, file)} cites ${name}`).toContain(name);
      }
    }
  });

  it('citations are resolved once, and names that are not notes are left alone', () => {
    const text = 'warmup-h0h1.md §3.7, docs/theory/classical-oracles.md O1, my-warmup-h0h1.md, README.md';
    const resolved = resolveCitations(text);
    expect(resolved).toBe('docs/theory/warmup-h0h1.md §3.7, docs/theory/classical-oracles.md O1, my-warmup-h0h1.md, README.md');
    expect(resolveCitations(resolved)).toBe(resolved);
    expect(resolveCitations('threshold E1 of the digest', 'large-lr-impossibility.md')).toBe(
      'threshold E1 of docs/theory/large-lr-impossibility.md',
    );
  });
});

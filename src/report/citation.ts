/**
 * Citations of the project's theory notes as a reader sees them. The claims, bounds and problems
 * cite the notes on each paper's statements by bare file name (`warmup-h0h1.md §3.7`,
 * `classical-oracles.md O1`) or as "the digest"; every user-facing output (JSON, markdown and HTML
 * reports, the terminal, figure pages) resolves them here to the files in `docs/theory/`, which
 * ship with the repository and the npm package.
 */
import type { ClaimSource } from '../claims/claim.js';

/** The folder of the notes, relative to the repository root (and to the installed package). */
export const THEORY_NOTES_FOLDER = 'docs/theory';

/** The notes, one file per paper (and one for the classical oracles). */
export const THEORY_NOTES = [
  'classical-oracles.md',
  'large-lr-impossibility.md',
  'local-pl-linear-nets.md',
  'warmup-h0h1.md',
  'warmup-rho-k0-krho.md',
] as const;

export type TheoryNote = (typeof THEORY_NOTES)[number];

/** The notes on each paper of the built-in claims, by arXiv identifier. */
const NOTES_BY_ARXIV_ID: Readonly<Record<string, TheoryNote>> = {
  '2402.13108': 'large-lr-impossibility.md',
  '2505.11664': 'local-pl-linear-nets.md',
  '2509.07972': 'warmup-rho-k0-krho.md',
  '2510.03164': 'warmup-h0h1.md',
};

const NOTE_NAMES = THEORY_NOTES.map((n) => n.replace(/[.-]/g, '\\$&')).join('|');

/** A bare note name, not already part of a path. */
const BARE_NOTE = new RegExp(`(?<![\\w./-])(${NOTE_NAMES})(?![\\w-])`, 'g');

/** A note name, bare or as its path in docs/theory/. */
const NAMED_NOTE = new RegExp(`(?<![\\w.-])(?:${THEORY_NOTES_FOLDER}/)?(${NOTE_NAMES})(?![\\w-])`);

/** "digest", "the digest", "the digest's" (how the claims' results name the notes of their paper). */
const DIGEST = /\b(?:the\s+)?digest(?:'s|’s)?(?![\w-])/gi;

/** The path of a note inside the repository, e.g. `docs/theory/warmup-h0h1.md`. */
export function theoryNotePath(note: TheoryNote): string {
  return `${THEORY_NOTES_FOLDER}/${note}`;
}

/** The note a source cites: the first one named in its tag, result or reference, else the note on its arXiv paper. */
export function theoryNoteOf(source: ClaimSource): TheoryNote | undefined {
  for (const text of [source.tag ?? '', source.result, source.reference]) {
    const named = NAMED_NOTE.exec(text)?.[1];
    if (named !== undefined) return named as TheoryNote;
  }
  const arxivId = /\b\d{4}\.\d{4,5}\b/.exec(source.reference)?.[0];
  return arxivId === undefined ? undefined : NOTES_BY_ARXIV_ID[arxivId];
}

/**
 * `text` with every bare note name written as its path in docs/theory/, and, when `note` is given,
 * "the digest" written as that note's path. Applying it twice changes nothing.
 */
export function resolveCitations(text: string, note?: TheoryNote): string {
  const resolved = text.replace(BARE_NOTE, (name) => `${THEORY_NOTES_FOLDER}/${name}`);
  return note === undefined ? resolved : resolved.replace(DIGEST, theoryNotePath(note));
}

/**
 * A claim's source as a reader sees it: citations resolved to docs/theory/, and the tag followed by
 * the note that defines it when neither the tag nor the result names one. Idempotent.
 */
export function citedSource(source: ClaimSource): ClaimSource {
  const note = theoryNoteOf(source);
  const result = resolveCitations(source.result, note);
  const cited = { ...source, reference: resolveCitations(source.reference, note), result };
  if (source.tag === undefined) return cited;
  const tag = resolveCitations(source.tag, note);
  const namesNote = note === undefined || `${result} ${tag}`.includes(theoryNotePath(note));
  return { ...cited, tag: namesNote ? tag : `${tag} (${theoryNotePath(note)})` };
}

/** `reference, result (version)` of a source, citations resolved. */
export function sourceReference(source: ClaimSource): string {
  const cited = citedSource(source);
  return `${cited.reference}, ${cited.result} (${cited.version})`;
}

/** `provenance tag` of a source, e.g. `secondary docs/theory/classical-oracles.md O1`. */
export function provenanceWithTag(source: ClaimSource): string {
  const cited = citedSource(source);
  return `${cited.provenance}${cited.tag ? ` ${cited.tag}` : ''}`;
}

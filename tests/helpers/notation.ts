/**
 * The notation convention of figures and notebook READMEs, as a check: mathematics is written in
 * Unicode (Greek letters, x₀, ηₜ, Δ₀, H₁, σₘₐₓ, 10⁻⁶, |x|ᵖ, ≤, ‖·‖), never in ASCII beside it. An
 * index Unicode has no subscript for (capitals such as N and T, c, F) is not typed with an
 * underscore: the quantity is named in words (the critical step, the gap after N steps, the
 * Frobenius norm). The one ASCII left is ^ before an exponent Unicode cannot raise (Δ^ρ).
 * Code spans, link targets and file names are not prose and are left out.
 */

const RULES: ReadonlyArray<readonly [string, RegExp]> = [
  ['an index typed with an underscore', /[\p{L}\p{N})‖\]*]_[\p{L}\p{N}{(]/u],
  ['a Greek letter with an ASCII index', /[α-ωΑ-Ω][0-9]/u],
  ['a constant or variable with an ASCII index', /\b[HKfwx][0-9]\b/],
  ['a Greek letter spelt in ASCII', /\b(?:eta|mu|rho|gamma|sigma|Delta|lambda|kappa|epsilon|eps|Krho)\b/],
  ['an ASCII power (only ρ, which Unicode cannot raise, follows ^)', /\^(?!ρ)/],
  ['an ASCII norm or inequality', /\|\||<=|>=/],
];

/** Prose only: fenced code, code spans, markdown link and image targets and file names removed. */
function prose(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/[\w./-]+\.(?:md|png|svg|pdf|csv|json|ts)\b/g, ' ')
    .replace(/\b[A-Z_]+=\S*/g, ' ');
}

/** Each break of the convention in `text`: the rule and the fragment around it. */
export function notationProblems(text: string): string[] {
  const clean = prose(text);
  const problems: string[] = [];
  for (const [rule, pattern] of RULES) {
    for (const match of clean.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      problems.push(`${rule}: …${clean.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20).replace(/\s+/g, ' ')}…`);
    }
  }
  return problems;
}

/** The texts of a vega-lite spec a reader sees: titles, subtitles, axis and legend titles, series labels. */
export function figureTexts(spec: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (['text', 'subtitle', 'title', 'series', 'domain'].includes(key)) texts.push(node);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (node && typeof node === 'object') {
      for (const [child, value] of Object.entries(node)) if (child !== 'usermeta' && child !== 'config') visit(value, child);
    }
  };
  visit(spec, '');
  return [...new Set(texts)];
}

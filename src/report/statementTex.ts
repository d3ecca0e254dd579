/**
 * A claim's statement as claim files write it in ASCII (`||grad f(x_T)||^2 <= 2 L (f(x_0) - f*)`)
 * turned into TeX for KaTeX (`\|\nabla f(x_T)\|^2 \le 2 L (f(x_0) - f^*)`): Greek names as
 * letters, grad and Hess as nabla, min/max/sum/log as operators, <= and >= as relations, f* as
 * f^*, and words of prose (`max over the rows of`) as \text. The result is for display only: a
 * statement KaTeX cannot parse is shown as its ASCII text instead (see html.ts).
 */

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'Delta', 'epsilon', 'varepsilon', 'eta', 'theta', 'kappa', 'lambda', 'mu', 'nu',
  'rho', 'sigma', 'tau', 'phi', 'psi', 'omega', 'Gamma', 'Theta', 'Lambda', 'Sigma', 'Phi', 'Psi', 'Omega', 'xi', 'zeta', 'chi', 'pi',
]);

const WORDS: Readonly<Record<string, string>> = {
  eps: '\\varepsilon',
  grad: '\\nabla',
  Hess: '\\nabla^2',
  min: '\\min',
  max: '\\max',
  sum: '\\sum',
  log: '\\log',
  ln: '\\ln',
  exp: '\\exp',
  sup: '\\sup',
  inf: '\\inf',
  lim: '\\lim',
  sqrt: '\\operatorname{sqrt}',
  argmin: '\\operatorname{argmin}',
  argmax: '\\operatorname{argmax}',
};

/** Short English words read as prose, not as products of variables. */
const SHORT_PROSE = new Set(['a', 'an', 'at', 'as', 'be', 'by', 'if', 'in', 'is', 'of', 'on', 'or', 'to', 'we']);

const SYMBOLS: Readonly<Record<string, string>> = {
  '||': '\\|',
  '<=': '\\le ',
  '>=': '\\ge ',
  '!=': '\\ne ',
  '->': '\\to ',
  '+-': '\\pm ',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  $: '\\$',
  '\\': '\\backslash ',
  '~': '\\sim ',
};

const TOKEN = /\|\||<=|>=|!=|->|\+-|[A-Za-z]+|\d+(?:\.\d+)?|\s+|./g;

/** Whether `word` is prose: three letters or more and no known name, or a short English word. */
function isProse(word: string, previous: string | undefined): boolean {
  if (GREEK.has(word) || WORDS[word] !== undefined) return false;
  // A subscript or superscript (x_max, f_star) is never prose.
  if (previous === '_' || previous === '^') return false;
  // A prose run ('a' in 'fraction of a run') keeps going across short words; a lone 'a' is a variable.
  return word.length >= 3 || (SHORT_PROSE.has(word) && word.length > 1);
}

export function statementTex(ascii: string): string {
  // x^(2N) is x^{2N}.
  const tokens = ascii.replace(/\^\(([^()]*)\)/g, '^{$1}').match(TOKEN) ?? [];
  const out: string[] = [];
  /** Open braces: a group after _ or ^, or a set's braces (shown). */
  const braces: Array<'group' | 'set'> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    const next = tokens[i + 1] ?? '';
    const isWord = /^[A-Za-z]+$/.test(token);
    if (isWord && (previous === '_' || previous === '^')) {
      // A subscript word: x_max, g_cycle, rho_min.
      const word = GREEK.has(token) ? `\\${token}` : WORDS[token] ?? (token.length > 1 ? `\\mathrm{${token}}` : token);
      out.push(`{${word}}`);
    } else if (token === '{') {
      const group = previous === '_' || previous === '^';
      braces.push(group ? 'group' : 'set');
      out.push(group ? '{' : '\\{');
    } else if (token === '}') {
      out.push(braces.pop() === 'set' ? '\\}' : '}');
    } else if (/^\d+$/.test(token) && /[A-Za-z]$/.test(previous ?? '') && next !== '_' && next !== '^' && !/^[A-Za-z]/.test(next)) {
      // H0, W1, Delta0: an index written without its underscore.
      out.push(`_{${token}}`);
    } else if (isWord && isProse(token, previous)) {
      // A run of prose words and the spaces between them, as one \text.
      let j = i;
      let text = '';
      while (j < tokens.length && (/^\s+$/.test(tokens[j]) || (/^[A-Za-z]+$/.test(tokens[j]) && (isProse(tokens[j], tokens[j - 1]) || SHORT_PROSE.has(tokens[j]))))) {
        text += /^\s+$/.test(tokens[j]) ? ' ' : tokens[j];
        j++;
      }
      const trailing = text.endsWith(' ') ? ' ' : '';
      const before = /^\s+$/.test(previous ?? '') ? ' ' : '';
      out.push(`\\text{${before}${text.trimEnd()}${trailing}}`);
      i = j - 1;
    } else if (GREEK.has(token)) {
      out.push(`\\${token} `);
    } else if (WORDS[token] !== undefined) {
      out.push(`${WORDS[token]} `);
    } else if (token === '*') {
      const next = tokens[i + 1] ?? '';
      const afterOperand = /^[A-Za-z0-9)\]}|]+$/.test(previous ?? '');
      out.push(afterOperand && !/^[A-Za-z0-9(]/.test(next) ? '^*' : '\\cdot ');
    } else if (SYMBOLS[token] !== undefined) {
      out.push(SYMBOLS[token]);
    } else if (/^\s+$/.test(token)) {
      out.push(' ');
    } else {
      out.push(token);
    }
  }
  return out.join('').replace(/ +/g, ' ').trim();
}

/**
 * The `boundcheck` command line: the table of commands (what each does, its usage and the options
 * it takes), option parsing validated per command, `--help`, `COMMAND --help` and `--version`.
 * Each command's module is loaded only when that command runs, so help and errors print at once.
 * Exit codes (src/cli/exitCodes.ts, README.md "Exit codes"): 0 holds, 1 certified violation (or,
 * for `check`, a verdict other than the expected one), 2 bad input with a one-line reason and no
 * report written, 3 inconclusive, 4 incomplete, 70 internal error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../util/errors.js';
import { SearchOverran } from '../search/workers.js';
import { EXIT } from './exitCodes.js';

const OPTIONS = {
  budget: { type: 'string' },
  seed: { type: 'string' },
  'time-limit': { type: 'string' },
  json: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
  export: { type: 'string' },
  'record-time': { type: 'boolean' },
  'eval-timeout': { type: 'string' },
  'eval-memory': { type: 'string' },
  trust: { type: 'boolean' },
  certify: { type: 'string' },
  all: { type: 'boolean' },
  html: { type: 'boolean' },
  'drill-down': { type: 'string' },
  latex: { type: 'boolean' },
  paper: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

export type CliValues = ReturnType<typeof parse>['values'];

type CommandRunner = (positionals: string[], values: CliValues) => number | Promise<number>;

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: readonly OptionName[];
  readonly load: () => Promise<CommandRunner>;
}

const SEARCH_OPTIONS: readonly OptionName[] = ['budget', 'seed', 'time-limit', 'workers', 'eval-timeout', 'eval-memory'];

const COMMANDS: Readonly<Record<string, Command>> = {
  init: {
    summary: 'create a project with an example claim and its broken twin',
    usage: 'boundcheck init [DIR]',
    options: [],
    load: async () => (await import('./init.js')).runInit,
  },
  falsify: {
    summary: 'search one claim file for a violation',
    usage:
      'boundcheck falsify CLAIM [--budget N] [--seed S] [--time-limit SEC] [--json FILE]\n' +
      '                          [--workers N] [--shard K/N] [--export NAME] [--record-time]\n' +
      '                          [--eval-timeout SEC] [--eval-memory MB]',
    options: [...SEARCH_OPTIONS, 'json', 'shard', 'export', 'record-time'],
    load: async () => (await import('./falsify.js')).runFalsify,
  },
  check: {
    summary: 'search claim files, folders or globs (or the built-in claims) and print a table',
    usage:
      'boundcheck check [PATH|GLOB|ID... | --all] [--budget N] [--seed S] [--time-limit SEC] [--workers N]\n' +
      '                 [--eval-timeout SEC] [--eval-memory MB] [--out DIR] [--verbose]',
    options: [...SEARCH_OPTIONS, 'all', 'out', 'verbose'],
    load: async () => (await import('./check.js')).runCheck,
  },
  replay: {
    summary: "re-evaluate a report's counterexample in float64 and high precision",
    usage: 'boundcheck replay REPORT.json [--certify auto|bignumber] [--trust]',
    options: ['trust', 'certify'],
    load: async () => (await import('./replay.js')).runReplay,
  },
  report: {
    summary: 'write the HTML page or the LaTeX tables of a check result or a falsify report',
    usage: 'boundcheck report --html|--latex [REPORT.json] [--drill-down ID,...|all] [--trust]',
    options: ['html', 'latex', 'drill-down', 'trust'],
    load: async () => (await import('./report.js')).runReport,
  },
  plot: {
    summary: "draw a claim's counterexample (or worst instance) against its bound",
    usage: 'boundcheck plot CLAIM|REPORT.json [--out DIR] [--budget N] [--seed S] [--export NAME] [--paper] [--trust]',
    options: ['out', 'budget', 'seed', 'export', 'paper', 'trust'],
    load: async () => (await import('./plot.js')).runPlot,
  },
  merge: {
    summary: "combine the partial results of a sharded search (falsify --shard)",
    usage: 'boundcheck merge PART.json... --json FILE [--trust]',
    options: ['json', 'trust'],
    load: async () => (await import('./falsify.js')).runMerge,
  },
  list: {
    summary: 'list the claims of files, folders or globs (default: the built-in claims)',
    usage: 'boundcheck list [PATH|GLOB...] [--verbose]',
    options: ['verbose'],
    load: async () => (await import('./check.js')).runList,
  },
  demo: {
    summary: 'the GD core against classical oracles, in one small table',
    usage: 'boundcheck demo',
    options: [],
    load: async () => (await import('./demo.js')).runDemo,
  },
};

/** Options that one command spells differently from another: the right one is named in the error. */
const SAME_MEANING: ReadonlyArray<readonly OptionName[]> = [['json', 'out']];

function version(): string {
  // package.json sits two folders above src/cli/ and three above dist/src/cli/.
  const up = import.meta.url.includes('/dist/src/cli/') ? '../../../' : '../../';
  const manifest = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'usage: boundcheck COMMAND [ARGS] [OPTIONS]',
    '',
    'commands:',
    ...lines,
    '',
    'boundcheck COMMAND --help shows a command\'s usage; boundcheck --version its version.',
    'Exit codes: 0 holds, 1 violated or diverged, 2 bad input, 3 inconclusive, 4 incomplete (see README).',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  const options = command.options.map((option) => `--${option}`).join(', ');
  return `${command.summary}\n\nusage: ${command.usage}\noptions: ${options || '(none)'}`;
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError((error as Error).message.split('\n')[0]);
  }
}

/** An option the command does not take is an error naming the command's own spelling, if any. */
function rejectForeignOptions(name: string, command: Command, values: CliValues): void {
  for (const option of Object.keys(values) as OptionName[]) {
    if (option === 'help' || command.options.includes(option)) continue;
    const synonym = SAME_MEANING.find((group) => group.includes(option))?.find((other) => command.options.includes(other));
    const hint = synonym
      ? `; use --${synonym}`
      : command.options.length > 0
        ? `; its options: ${command.options.map((o) => `--${o}`).join(', ')}`
        : '; it takes no options';
    throw new InputError(`${name} does not take --${option}${hint}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(version());
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new InputError(`unknown command ${name}; commands: ${Object.keys(COMMANDS).join(', ')}`);
  const { values, positionals } = parse(rest);
  if (values.help) {
    console.log(commandHelp(name, command));
    return 0;
  }
  rejectForeignOptions(name, command, values);
  const runCommand = await command.load();
  return runCommand(positionals, values);
}

// A reader that closes the pipe early (`boundcheck list | head`) ends the output, not in a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof InputError) {
    console.error(`boundcheck: ${error.message}`);
    process.exitCode = EXIT.badInput;
  } else if (error instanceof SearchOverran) {
    console.error(`boundcheck: ${error.message}`);
    process.exitCode = EXIT.incomplete;
  } else {
    console.error(`boundcheck: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.BOUNDCHECK_DEBUG) console.error(error);
    process.exitCode = EXIT.internalError;
  }
}

/**
 * The `boundcheck` command line: falsify, check, replay, report, plot, merge, list and the
 * demonstration. Exit
 * codes (src/cli/exitCodes.ts): 0 holds, 1 certified violation (or, for `check`, a verdict other
 * than the expected one), 2 bad input with a one-line reason and no report written, 3
 * inconclusive, 4 incomplete, 70 internal error.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../util/errors.js';
import { EXIT } from './exitCodes.js';
import { SearchOverran } from '../search/workers.js';

const USAGE = `usage:
  boundcheck falsify CLAIM.ts [--budget N] [--seed S] [--time-limit SEC] [--json FILE]
                              [--workers N] [--shard K/N] [--export NAME] [--record-time]
                              [--eval-timeout SEC] [--eval-memory MB]
  boundcheck check [--all | ID...] [--budget N] [--seed S] [--out DIR] [--workers N]
                   [--time-limit SEC] [--eval-timeout SEC] [--eval-memory MB]
  boundcheck replay REPORT.json [--trust]
  boundcheck report --html [REPORT.json] [--trust]
  boundcheck plot CLAIM.ts|REPORT.json [--out DIR] [--budget N] [--seed S] [--export NAME] [--trust]
  boundcheck merge PART.json... --json FILE [--trust]
  boundcheck list
  boundcheck demo`;

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
  all: { type: 'boolean' },
  html: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError((error as Error).message.split('\n')[0]);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const { values, positionals } = parse(rest);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // Each command loads only its own modules (figures and mathjs are heavy; a search's main thread needs neither).
  switch (command) {
    case 'falsify':
      return (await import('./falsify.js')).runFalsify(positionals, values);
    case 'check':
      return (await import('./check.js')).runCheck(positionals, values);
    case 'replay':
      return (await import('./replay.js')).runReplay(positionals, values);
    case 'plot':
      return (await import('./plot.js')).runPlot(positionals, values);
    case 'report':
      return (await import('./report.js')).runReport(positionals, values);
    case 'merge':
      return (await import('./falsify.js')).runMerge(positionals, values);
    case 'list':
      return (await import('./check.js')).runList();
    case 'demo':
      return (await import('./demo.js')).runDemo();
    default:
      throw new InputError(`unknown command ${command}; commands: falsify, check, replay, report, plot, merge, list, demo`);
  }
}

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

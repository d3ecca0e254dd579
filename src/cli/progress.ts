/**
 * Progress for long work: a cli-progress bar on an interactive terminal (evaluations done out of
 * the total, an ETA, and the claim being searched, the line cut to the terminal's width), nothing
 * in CI or when output is piped (so logs stay clean and reports stay byte-identical).
 */
import cliProgress from 'cli-progress';
import type { Claim } from '../claims/claim.js';
import type { Instance } from '../claims/family.js';
import { cutToWidth, DEFAULT_COLUMNS } from '../report/table.js';
import { instanceBudget } from '../search/falsify.js';

export interface Progress {
  /** `done` evaluations out of `total`; `current` names the work in hand. */
  update(done: number, total: number, current?: string): void;
  stop(): void;
}

/** Where a bar is drawn: a stream (a terminal when `isTTY`, `columns` wide) and the environment (`CI`). */
export interface ProgressOutput {
  readonly stream: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/** Bar cells: short enough that the line, the ETA and a claim id fit 100 columns. */
const BAR_SIZE = 20;

/**
 * A bar on `output.stream` (stderr by default) when it is a terminal and `CI` is not set, else
 * silent. Its line, `label [bar] done/total evaluations, ETA 12s: current`, is cut to one column
 * less than the terminal's width (so that it never wraps).
 */
export function progressBar(label: string, output: ProgressOutput = { stream: process.stderr, env: process.env }): Progress {
  if (!output.stream.isTTY || output.env.CI) return SILENT;
  const format = `${label} [{bar}] {value}/{total} evaluations, ETA {eta_formatted}{current}`;
  const bar = new cliProgress.SingleBar(
    {
      format: (options, params, payload) =>
        cutToWidth(cliProgress.Format.Formatter({ ...options, format }, params, payload), (output.stream.columns ?? DEFAULT_COLUMNS) - 1),
      barsize: BAR_SIZE,
      etaBuffer: 100,
      etaAsynchronousUpdate: true,
      stream: output.stream,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, current) {
      const payload = { current: current ? `: ${current}` : '' };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Progress of `check`: the evaluations of every claim, the claims being searched named. */
export interface CheckProgress {
  /** Claim `index` has evaluated `done` instances so far. */
  evaluated(index: number, done: number): void;
  /** Claim `index` is finished after evaluating `evaluations` instances in all. */
  finished(index: number, evaluations: number): void;
  stop(): void;
}

/**
 * Counts evaluations over claims searched at `budget` each, an instance of a claim counting for
 * its `evaluationCost` (as the budget counts it): a finished claim counts the evaluations it made
 * (the total shrinks when a search ends early), one in hand what it has made so far out of its
 * budget.
 */
export function checkProgress(
  claims: ReadonlyArray<Pick<Claim<Instance>, 'id' | 'evaluationCost'>>,
  budget: number,
  output?: ProgressOutput,
): CheckProgress {
  const bar = progressBar('check', output);
  const done = new Array<number>(claims.length).fill(0);
  const share = claims.map((claim) => instanceBudget(claim, budget) * claim.evaluationCost);
  const inHand = new Set<number>();
  const show = (): void => {
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    const names = [...inHand].map((i) => claims[i].id);
    bar.update(sum(done), sum(share), names.length > 1 ? `${names[0]} (+${names.length - 1})` : names[0]);
  };
  return {
    evaluated(index, count) {
      inHand.add(index);
      done[index] = Math.min(count * claims[index].evaluationCost, share[index]);
      show();
    },
    finished(index, evaluations) {
      inHand.delete(index);
      done[index] = evaluations * claims[index].evaluationCost;
      share[index] = done[index];
      show();
    },
    stop: () => bar.stop(),
  };
}

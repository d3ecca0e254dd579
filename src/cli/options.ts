/** Parsing and validation of the command line's numeric options, each error naming its option. */
import { availableParallelism } from 'node:os';
import { InputError } from '../util/errors.js';
import { DEFAULT_EVAL_MEMORY_MB, DEFAULT_EVAL_TIMEOUT_SECONDS } from '../search/workers.js';
import type { CliValues } from './main.js';

export const DEFAULT_BUDGET = 1000;
export const DEFAULT_SEED = 1;

function integerOption(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new InputError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function secondsOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(`--${name} must be a positive number of seconds, got ${JSON.stringify(text)}`);
  }
  return seconds;
}

export interface SearchCliOptions {
  readonly budget: number;
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly workers: number;
  /** Time limit of each evaluation (`--eval-timeout`). */
  readonly evalTimeoutSeconds: number;
  /** Heap cap of each evaluator process, in MB (`--eval-memory`). */
  readonly evalMemoryMb: number;
}

/** `--workers N` beyond the machine's cores only slows everything down: capped, with a note on stderr. */
function workersOption(text: string | undefined): number {
  const asked = integerOption('workers', text, 1, 1);
  const cores = availableParallelism();
  if (asked <= cores) return asked;
  console.error(`boundcheck: note: --workers ${asked} capped at ${cores}, the cores available`);
  return cores;
}

export function searchOptions(values: CliValues): SearchCliOptions {
  const budget = integerOption('budget', values.budget, DEFAULT_BUDGET, 1);
  const seed = integerOption('seed', values.seed, DEFAULT_SEED, -(2 ** 31));
  if (seed >= 2 ** 31) throw new InputError(`--seed must be a 32-bit integer, got ${values.seed}`);
  const timeLimitSeconds = secondsOption('time-limit', values['time-limit']);
  const evalTimeoutSeconds = secondsOption('eval-timeout', values['eval-timeout']) ?? DEFAULT_EVAL_TIMEOUT_SECONDS;
  const evalMemoryMb = integerOption('eval-memory', values['eval-memory'], DEFAULT_EVAL_MEMORY_MB, 16);
  const workers = workersOption(values.workers);
  return { budget, seed, workers, evalTimeoutSeconds, evalMemoryMb, ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}) };
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `--shard K/N`: this machine evaluates the random-stage points i with i mod N = K - 1 (K counts from 1). */
export function shardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!match || n < 1 || k < 1 || k > n) throw new InputError(`--shard must be K/N with 1 <= K <= N, got ${JSON.stringify(text)}`);
  return { index: k - 1, count: n };
}

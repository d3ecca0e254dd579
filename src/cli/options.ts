/** Parsing and validation of the command line's numeric options, each error naming its option. */
import { InputError } from '../util/errors.js';
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

export interface SearchCliOptions {
  readonly budget: number;
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly workers: number;
}

export function searchOptions(values: CliValues): SearchCliOptions {
  const budget = integerOption('budget', values.budget, DEFAULT_BUDGET, 1);
  const seed = integerOption('seed', values.seed, DEFAULT_SEED, -(2 ** 31));
  if (seed >= 2 ** 31) throw new InputError(`--seed must be a 32-bit integer, got ${values.seed}`);
  const workers = integerOption('workers', values.workers, 1, 1);
  let timeLimitSeconds: number | undefined;
  if (values['time-limit'] !== undefined) {
    timeLimitSeconds = Number(values['time-limit']);
    if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) {
      throw new InputError(`--time-limit must be a positive number of seconds, got ${JSON.stringify(values['time-limit'])}`);
    }
  }
  return { budget, seed, workers, ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}) };
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

/**
 * Schedules built from schedules: a warm-up followed by a decay, piecewise joins, scaling and the
 * pointwise minimum. A schedule that starts at step s sees the shifted index t - s (optax's
 * `join_schedules`), so a decay written for t = 0, 1, ... can follow any warm-up.
 */
import { InputError } from '../util/errors.js';
import { requireInteger, requirePositive } from '../util/validate.js';
import { formatNumber } from '../util/format.js';
import { requireSchedule } from './label.js';
import { schedule, type Schedule } from './schedule.js';

/** Runs `schedules[i]` on [starts[i], starts[i + 1]) at index t - starts[i]; starts[0] = 0. */
function join(label: string, starts: readonly number[], schedules: readonly Schedule[]): Schedule {
  return schedule(label, (t, state) => {
    let i = starts.length - 1;
    while (i > 0 && t < starts[i]) i--;
    return schedules[i](t - starts[i], state);
  });
}

/**
 * `warmup` for t < switchStep, then `decay` at t - switchStep.
 * Label `warmup(<warmup>)@<switchStep>-><decay>`.
 */
export function warmupThenDecay(warmup: Schedule, decay: Schedule, switchStep: number): Schedule {
  requireSchedule('warmup', warmup);
  requireSchedule('decay', decay);
  requireInteger('switchStep', switchStep, 1);
  return join(`warmup(${warmup.label})@${switchStep}->${decay.label}`, [0, switchStep], [warmup, decay]);
}

/** A piece that ends: used for t < until (and from the previous piece's `until` on). */
export interface BoundedPiece {
  readonly until: number;
  readonly schedule: Schedule;
}

/** The last piece, which runs to the end. */
export interface FinalPiece {
  readonly until?: never;
  readonly schedule: Schedule;
}

/**
 * Pieces in order; piece i runs from the previous `until` (0 for the first) and sees t minus that
 * start. Label `piecewise(<a>@<until>,<b>@<until>,...,<last>)`.
 */
export function piecewise(pieces: readonly [...BoundedPiece[], FinalPiece]): Schedule {
  if (!Array.isArray(pieces) || pieces.length === 0) {
    throw new InputError('pieces must be a non-empty array of { until?, schedule }');
  }
  const starts = [0];
  const parts: string[] = [];
  pieces.forEach((piece, i) => {
    requireSchedule(`pieces[${i}].schedule`, piece.schedule);
    const isLast = i === pieces.length - 1;
    if (isLast) {
      if (piece.until !== undefined) {
        throw new InputError(`pieces[${i}].until must be absent: the last piece runs to the end`);
      }
      parts.push(piece.schedule.label);
    } else {
      const until = requireInteger(`pieces[${i}].until`, piece.until as number, starts[i] + 1);
      starts.push(until);
      parts.push(`${piece.schedule.label}@${until}`);
    }
  });
  return join(
    `piecewise(${parts.join(',')})`,
    starts,
    pieces.map((piece) => piece.schedule),
  );
}

/** eta_t = factor * inner(t). Label `scaled(<factor>,<inner>)`. */
export function scaled(factor: number, inner: Schedule): Schedule {
  requirePositive('factor', factor);
  requireSchedule('inner', inner);
  return schedule(`scaled(${formatNumber(factor)},${inner.label})`, (t, state) => factor * inner(t, state));
}

/** eta_t = min(a(t), b(t)). Label `min(<a>,<b>)`. */
export function minimum(a: Schedule, b: Schedule): Schedule {
  requireSchedule('a', a);
  requireSchedule('b', b);
  return schedule(`min(${a.label},${b.label})`, (t, state) => Math.min(a(t, state), b(t, state)));
}

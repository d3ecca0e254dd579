/**
 * Nelder-Mead on the unit cube, for the adversarial stage: it maximizes a claim's normalized
 * margin over the continuous parameters of a family, where no derivative is available (each value
 * is a whole GD run). Points are clamped into [0, 1]^n. Written here rather than taken from npm:
 * the package everyone uses (fmin 0.0.4) ships a UMD bundle marked as an ES module, which Node
 * cannot import, and has not been updated since 2016. The method is the standard one (Lagarias et
 * al. 1998 coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2).
 */

export interface NelderMeadOptions {
  /** Most objective evaluations. */
  readonly maxEvaluations: number;
  /** Initial simplex edge, in unit-cube coordinates. */
  readonly initialStep?: number;
  /** Stop when the spread of values in the simplex falls below this. */
  readonly valueTolerance?: number;
  /** Stop as soon as a value satisfies this (e.g. a violation found). */
  readonly stopWhen?: (value: number) => boolean;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Minimizes `objective` over [0, 1]^n from `start`. */
export function nelderMead(
  objective: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const n = start.length;
  const step = options.initialStep ?? 0.1;
  const tolerance = options.valueTolerance ?? 1e-12;
  const stopWhen = options.stopWhen ?? (() => false);
  let evaluations = 0;
  let best = { x: start.map(clamp01), value: Infinity };
  const evaluate = (x: number[]): { x: number[]; value: number } => {
    const point = x.map(clamp01);
    const raw = objective(point);
    evaluations++;
    const value = Number.isNaN(raw) ? Infinity : raw;
    if (value < best.value) best = { x: point, value };
    return { x: point, value };
  };
  const done = (): boolean => evaluations >= options.maxEvaluations || stopWhen(best.value);

  const simplex = [evaluate([...start])];
  for (let i = 0; i < n && !done(); i++) {
    const vertex = [...start];
    vertex[i] = vertex[i] + step <= 1 ? vertex[i] + step : vertex[i] - step;
    simplex.push(evaluate(vertex));
  }
  if (simplex.length < n + 1) return { ...best, evaluations };

  const along = (centroid: number[], worst: number[], coefficient: number): number[] =>
    centroid.map((c, i) => c + coefficient * (worst[i] - c));

  while (!done()) {
    simplex.sort((a, b) => a.value - b.value);
    if (simplex[n].value - simplex[0].value <= tolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k].x[i] / n;
    const worst = simplex[n];
    const reflected = evaluate(along(centroid, worst.x, -1));
    if (reflected.value < simplex[0].value) {
      const expanded = done() ? reflected : evaluate(along(centroid, worst.x, -2));
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1].value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = done() ? reflected : evaluate(along(centroid, worst.x, outside ? -0.5 : 0.5));
      if (contracted.value < Math.min(worst.value, reflected.value)) {
        simplex[n] = contracted;
      } else {
        for (let k = 1; k <= n && !done(); k++) {
          simplex[k] = evaluate(simplex[k].x.map((v, i) => simplex[0].x[i] + 0.5 * (v - simplex[0].x[i])));
        }
      }
    }
  }
  return { ...best, evaluations };
}

import { describe, expect, it } from 'vitest';
import {
  estimateRho,
  fitH0H1Envelope,
  fitRhoEnvelope,
  h0h1Frontier,
  hessianNormAlongPath,
  localPLRatio,
  localSmoothnessAlongPath,
  minLocalPLRatio,
  MIN_ESTIMATED_RHO,
  sharpnessAlongPath,
  smallestH1ForH0,
  smallestKrhoForK0,
  type CurvaturePair,
} from '../src/estimate/index.js';
import type { Problem } from '../src/problems/problem.js';
import { InputError } from '../src/util/errors.js';

function expectInputError(build: () => unknown, message: string): void {
  expect(build).toThrow(InputError);
  expect(build).toThrow(message);
}

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** n points from a to b, evenly spaced. */
function grid(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** The pairs (|w|^p, p(p-1)|w|^(p-2)) of f = |w|^p, for which (rho, K0, Krho) = ((p-2)/p, 0, p(p-1)) exactly. */
function monomialPairs(p: number, ws: number[]): CurvaturePair[] {
  return ws.map((w) => ({ gap: Math.abs(w) ** p, curvature: p * (p - 1) * Math.abs(w) ** (p - 2) }));
}

/** max over pairs of curvature - (H0 + H1 gap): <= 0 when (H0, H1) is valid on every pair. */
function worstViolation(pairs: CurvaturePair[], H0: number, H1: number): number {
  return Math.max(...pairs.map((p) => p.curvature - (H0 + H1 * p.gap)));
}

/** 1/2 x^T diag(1, 4) x. */
const quadratic: Problem = {
  name: 'quadratic(1,4)',
  dim: 2,
  params: {},
  f: (x) => 0.5 * (x[0] ** 2 + 4 * x[1] ** 2),
  grad: (x, out) => {
    out[0] = x[0];
    out[1] = 4 * x[1];
    return 0.5 * (x[0] ** 2 + 4 * x[1] ** 2);
  },
  hess: (_x, out = new Float64Array(4)) => {
    out.set([1, 0, 0, 4]);
    return out;
  },
  fStar: 0,
  constants: {},
};

/** 3 cos(x1) + x2^2 / 2: Hessian diag(-3 cos x1, 1), indefinite near x1 = 0. */
const wavy: Problem = {
  name: 'wavy',
  dim: 2,
  params: {},
  f: (x) => 3 * Math.cos(x[0]) + 0.5 * x[1] ** 2,
  grad: (x, out) => {
    out[0] = -3 * Math.sin(x[0]);
    out[1] = x[1];
    return 3 * Math.cos(x[0]) + 0.5 * x[1] ** 2;
  },
  hess: (x, out = new Float64Array(4)) => {
    out.set([-3 * Math.cos(x[0]), 0, 0, 1]);
    return out;
  },
  fStar: -3,
  constants: {},
};

describe('(H0, H1) envelope', () => {
  const H0 = 2.5;
  const H1 = 0.75;
  const gaps = [0, ...grid(-3, 3, 41).map((e) => 10 ** e)];
  const exactPairs = gaps.map((gap) => ({ gap, curvature: H0 + H1 * gap }));

  it('recovers (H0, H1) from exact data c = H0 + H1 g to 1e-12', () => {
    const fit = fitH0H1Envelope(exactPairs);
    expect(Math.abs(fit.H0 - H0)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(fit.H1 - H1)).toBeLessThanOrEqual(1e-12);
    expectRelativelyClose(fit.referenceGap, 1, 1e-12); // geometric mean of 10^-3 .. 10^3
    expect(fit.pairsUsed).toBe(exactPairs.length);
    expect(fit.maxViolation).toBeLessThanOrEqual(1e-12);
    for (const referenceGap of [0.01, 1, 500]) {
      const at = fitH0H1Envelope(exactPairs, { referenceGap });
      expect(Math.abs(at.H0 - H0)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(at.H1 - H1)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('frontier and smallest H1 on exact data', () => {
    const frontier = h0h1Frontier(exactPairs);
    expect(frontier).toHaveLength(2);
    expect(Math.abs(frontier[0].H0 - H0)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(frontier[0].H1 - H1)).toBeLessThanOrEqual(1e-12);
    expect(frontier[1]).toEqual({ H0: H0 + H1 * 1000, H1: 0 });
    expectRelativelyClose(smallestH1ForH0(exactPairs, H0), H1, 1e-12);
    expectRelativelyClose(smallestH1ForH0(exactPairs, 100), (H0 + H1 * 1000 - 100) / 1000, 1e-12);
    expect(smallestH1ForH0(exactPairs, H0 + H1 * 1000)).toBe(0);
    // The pair at gap 0 has curvature H0: no H1 makes a smaller H0 valid.
    expect(smallestH1ForH0(exactPairs, H0 - 0.1)).toBe(Infinity);
  });

  it('on w^4 pairs, fits a pair valid on every pair with H0 H1 close to (and, from samples, below) 36', () => {
    // f = w^4: c = 12 w^2 = 12 sqrt(g) is concave in g, so every envelope of finitely many samples
    // is a chord through two of them, with H0 H1 = 144 sqrt(ga gb) / (sqrt(ga) + sqrt(gb))^2 <= 36
    // (AM-GM); H0 H1 >= 36 (validity for every w) is approached as the samples get denser.
    let previousDeficit = Infinity;
    for (const n of [31, 301, 3001]) {
      const pairs = monomialPairs(4, grid(0, 3, n));
      const fit = fitH0H1Envelope(pairs);
      expect(fit.maxViolation).toBeLessThanOrEqual(1e-12);
      expect(worstViolation(pairs, fit.H0, fit.H1)).toBeLessThanOrEqual(1e-12);
      expectRelativelyClose(smallestH1ForH0(pairs, fit.H0), fit.H1, 1e-12);
      // The chord between the two samples bracketing the reference gap.
      const sqrtGaps = pairs.map((p) => Math.sqrt(p.gap));
      const r = Math.sqrt(fit.referenceGap);
      const right = sqrtGaps.findIndex((s) => s >= r);
      const [a, b] = [sqrtGaps[right - 1], sqrtGaps[right]];
      expectRelativelyClose(fit.H1, 12 / (a + b), 1e-12);
      expectRelativelyClose(fit.H0, (12 * a * b) / (a + b), 1e-12);
      const product = fit.H0 * fit.H1;
      expect(product).toBeLessThanOrEqual(36 + 1e-9);
      const deficit = 36 - product;
      expect(deficit).toBeLessThan(previousDeficit / 50); // about 1/100 per 10x refinement
      previousDeficit = deficit;
    }
    expect(previousDeficit).toBeLessThan(1e-4);
  });

  it('every frontier vertex is valid and Pareto-optimal on w^4 pairs', () => {
    const pairs = monomialPairs(4, grid(0, 2, 21));
    const frontier = h0h1Frontier(pairs);
    // H0 = 0 needs H1 = max c/g = max 12/w^2, at the smallest positive w = 0.1.
    expect(frontier[0].H0).toBe(0);
    expectRelativelyClose(frontier[0].H1, 1200, 1e-12);
    expect(frontier[frontier.length - 1]).toEqual({ H0: 48, H1: 0 });
    for (let k = 0; k < frontier.length; k++) {
      const { H0: h0, H1: h1 } = frontier[k];
      expect(worstViolation(pairs, h0, h1)).toBeLessThanOrEqual(1e-12);
      expectRelativelyClose(smallestH1ForH0(pairs, h0), h1, 1e-12);
      if (k > 0) {
        expect(h0).toBeGreaterThan(frontier[k - 1].H0);
        expect(h1).toBeLessThan(frontier[k - 1].H1);
      }
    }
  });

  it('degenerate inputs', () => {
    expect(fitH0H1Envelope([{ gap: 0, curvature: 3 }])).toMatchObject({ H0: 3, H1: 0, referenceGap: 0 });
    expect(fitH0H1Envelope([{ gap: 1, curvature: 0 }])).toMatchObject({ H0: 0, H1: 0 });
    // Only H0 >= 0 binds at a small reference gap: the line through the origin and (1, 2).
    expect(fitH0H1Envelope([{ gap: 1, curvature: 2 }], { referenceGap: 0.5 })).toMatchObject({ H0: 0, H1: 2 });
    expect(fitH0H1Envelope([{ gap: 1, curvature: 2 }], { referenceGap: 2 })).toMatchObject({ H0: 2, H1: 0 });
  });
});

describe('(rho, K0, Krho) envelope', () => {
  const ws = grid(0, 2, 81);

  it('on x^6 pairs estimates rho = 2/3 and Krho = 30', () => {
    const pairs = monomialPairs(6, ws);
    const fit = fitRhoEnvelope(pairs);
    expect(fit.rhoEstimated).toBe(true);
    expect(Math.abs(fit.rho - 2 / 3)).toBeLessThanOrEqual(1e-6);
    expectRelativelyClose(fit.Krho, 30, 1e-9);
    expect(fit.K0).toBeLessThanOrEqual(1e-9);
    expect(fit.maxViolation).toBeLessThanOrEqual(1e-9);
    expect(fit.pairsUsed).toBe(pairs.length);
    const given = fitRhoEnvelope(pairs, { rho: 2 / 3 });
    expect(given.rhoEstimated).toBe(false);
    expect(given.rho).toBe(2 / 3);
    expectRelativelyClose(given.Krho, 30, 1e-12);
  });

  it('on x^4 pairs with rho = 1/2 gives (K0, Krho) = (0, 12)', () => {
    const fit = fitRhoEnvelope(monomialPairs(4, ws), { rho: 0.5 });
    expect(fit.K0).toBeLessThanOrEqual(1e-12);
    expectRelativelyClose(fit.Krho, 12, 1e-12);
    expectRelativelyClose(smallestKrhoForK0(monomialPairs(4, ws), 0.5, 0), 12, 1e-12);
  });

  it('with rho = 1 is the (H0, H1) fit', () => {
    const pairs = monomialPairs(4, ws);
    const rhoFit = fitRhoEnvelope(pairs, { rho: 1, referenceGap: 0.3 });
    const h0h1Fit = fitH0H1Envelope(pairs, { referenceGap: 0.3 });
    expect([rhoFit.K0, rhoFit.Krho, rhoFit.maxViolation]).toEqual([h0h1Fit.H0, h0h1Fit.H1, h0h1Fit.maxViolation]);
  });

  it('on cosh pairs (rho = 1, K0 = Krho = 1) the estimated rho is near 1 on the high-loss half', () => {
    const pairs = grid(0, 12, 121).map((w) => ({ gap: 2 * Math.sinh(w / 2) ** 2, curvature: Math.cosh(w) }));
    const rho = estimateRho(pairs);
    expect(rho).toBeGreaterThan(0.99);
    expect(rho).toBeLessThan(1.001);
    const fit = fitRhoEnvelope(pairs, { rho: 1 });
    expect(Math.abs(fit.K0 - 1)).toBeLessThanOrEqual(1e-9);
    expectRelativelyClose(fit.Krho, 1, 1e-9);
  });

  it('clips a flat or falling curvature to MIN_ESTIMATED_RHO', () => {
    const flat = grid(0.1, 10, 20).map((gap) => ({ gap, curvature: 4 }));
    expect(estimateRho(flat)).toBe(MIN_ESTIMATED_RHO);
    expect(fitRhoEnvelope(flat)).toMatchObject({ rho: MIN_ESTIMATED_RHO, rhoEstimated: true, K0: 4, Krho: 0 });
  });

  it('rejects bad pairs and options, naming them', () => {
    expectInputError(() => fitH0H1Envelope([]), 'pairs must be a non-empty array');
    expectInputError(() => fitH0H1Envelope([{ gap: 1, curvature: 1 }, { gap: -1, curvature: 1 }]), 'pairs[1].gap must be non-negative, got -1');
    expectInputError(() => fitH0H1Envelope([{ gap: 1, curvature: NaN }]), 'pairs[0].curvature must be a finite number, got NaN');
    expectInputError(() => fitH0H1Envelope([{ gap: 1, curvature: 1 }], { referenceGap: -2 }), 'referenceGap must be non-negative');
    expectInputError(() => fitRhoEnvelope([{ gap: 1, curvature: 1 }], { rho: 0 }), 'rho must be positive, got 0');
    expectInputError(() => smallestH1ForH0([{ gap: 1, curvature: 1 }], -1), 'K0 must be non-negative, got -1');
    expectInputError(() => estimateRho([{ gap: 1, curvature: 1 }, { gap: 1, curvature: 2 }]), 'rho cannot be estimated');
  });
});

describe('local PL ratio', () => {
  // f = cosh(w) - 1: ||f'||^2 = sinh^2 w = 2 gap + gap^2, so the ratio is 1 + gap/2.
  const ws = grid(-3, 3, 13);
  const gap = ws.map((w) => 2 * Math.sinh(w / 2) ** 2);
  const gradNorm = ws.map((w) => Math.abs(Math.sinh(w)));

  it('is ||grad||^2 / (2 gap) = 1 + gap/2 on cosh, skipping gap = 0', () => {
    const { index, ratio } = localPLRatio(gap, gradNorm);
    expect(Array.from(index)).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]); // w = 0 at index 6
    index.forEach((t, k) => expectRelativelyClose(ratio[k], 1 + gap[t] / 2, 1e-14));
    expectRelativelyClose(minLocalPLRatio(gap, gradNorm), 1 + gap[5] / 2, 1e-14);
    expect(minLocalPLRatio([0, 0], [0, 0])).toBe(Infinity);
  });

  it('rejects mismatched or bad input', () => {
    expectInputError(() => localPLRatio([1, 2], [1]), 'gradNorm must have the length of gap (2), got 1');
    expectInputError(() => localPLRatio([1, NaN], [1, 1]), 'gap[1] must be a finite number');
    expectInputError(() => localPLRatio([1], [-1]), 'gradNorm[0] must be non-negative');
  });
});

describe('smoothness along a path', () => {
  it('gradient-difference ratios of 1/2 x^T diag(1,4) x lie in [1, 4]', () => {
    const points = [
      [3, -1],
      [2.5, 0.2],
      [2.5, 0.7], // along e2: ratio 4
      [1, 0.7], // along e1: ratio 1
      [-0.3, -0.4],
      [0.1, 0.05],
    ].map((p) => Float64Array.from(p));
    const ratios = localSmoothnessAlongPath(quadratic, points);
    expect(ratios).toHaveLength(points.length - 1);
    for (const r of ratios) {
      expect(r).toBeGreaterThanOrEqual(1);
      expect(r).toBeLessThanOrEqual(4);
    }
    expect(ratios[1]).toBe(4);
    expect(ratios[2]).toBe(1);
    // Direction (dx, dy): ratio sqrt(dx^2 + 16 dy^2) / sqrt(dx^2 + dy^2).
    expectRelativelyClose(ratios[0], Math.sqrt(0.25 + 16 * 1.44) / Math.sqrt(0.25 + 1.44), 1e-14);
  });

  it('is NaN across a zero-length step and empty for fewer than two points', () => {
    const x = Float64Array.from([1, 1]);
    expect(Number.isNaN(localSmoothnessAlongPath(quadratic, [x, Float64Array.from(x)])[0])).toBe(true);
    expect(localSmoothnessAlongPath(quadratic, [x])).toHaveLength(0);
    expectInputError(() => localSmoothnessAlongPath(quadratic, [x, new Float64Array(3)]), 'iterates[1] must have length 2, got 3');
  });

  it('sharpness and Hessian norm along points', () => {
    const points = [0, Math.PI / 2, Math.PI].map((x1) => Float64Array.from([x1, 0.5]));
    const sharpness = sharpnessAlongPath(wavy, points);
    const norm = hessianNormAlongPath(wavy, points);
    // Hessian diag(-3 cos x1, 1): eigenvalues (-3, 1), (0, 1), (3, 1).
    [1, 1, 3].forEach((expected, k) => expect(Math.abs(sharpness[k] - expected)).toBeLessThanOrEqual(1e-12));
    [3, 1, 3].forEach((expected, k) => expect(Math.abs(norm[k] - expected)).toBeLessThanOrEqual(1e-12));
    expectInputError(() => hessianNormAlongPath(wavy, [new Float64Array(1)]), 'points[0] must have length 2');
  });
});

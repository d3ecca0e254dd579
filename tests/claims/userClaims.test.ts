/**
 * The README's "Writing a claim" example (tests/fixtures/user-claims/custom-problem.ts), through
 * the public API only: its true claims hold, its broken twins are caught and certified (by the
 * high-precision replay of the hand-written problem's BigNumber model, or pointwise), and its sweep
 * locates the critical step 2/L.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { falsify, toBigVector, toFloatVector } from '../../src/index.js';
import descent, { curvature, curvatureTwin, gap, locateCriticalStep, twin, weightedLogCosh } from '../fixtures/user-claims/custom-problem.js';

const options = { budget: 300, seed: 3 };

it("the README's example is this fixture: its ts blocks, with the package imports as repository paths", () => {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const readme = read('../../README.md');
  const section = readme.slice(readme.indexOf('## Writing a claim'), readme.indexOf('## How the search works'));
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const asInRepository = blocks
    .join('\n')
    .replace("from 'boundcheck/bounds/classical';", "from '../../../bounds/classical.js';")
    .replace("from 'boundcheck';", "from '../../../src/index.js';");
  const fixture = read('../fixtures/user-claims/custom-problem.ts');
  expect(fixture.slice(fixture.indexOf('*/\n') + 3)).toBe(asInRepository);
});

describe('a user claim file on a hand-written problem', () => {
  it('its problem: gradient and Hessian against finite differences, f at high precision against float64', () => {
    const p = weightedLogCosh(2, 0.5);
    const x = Float64Array.of(0.7, -1.3);
    const g = new Float64Array(2);
    p.grad(x, g);
    const h = 1e-6;
    for (let i = 0; i < 2; i++) {
      const plus = Float64Array.from(x);
      const minus = Float64Array.from(x);
      plus[i] += h;
      minus[i] -= h;
      expect(g[i]).toBeCloseTo((p.f(plus) - p.f(minus)) / (2 * h), 8);
    }
    const hess = p.hess!(x);
    expect(hess[0]).toBeCloseTo(2 / Math.cosh(0.7) ** 2, 14);
    const model = p.highPrecision!(40);
    const xBig = toBigVector(model.math, x);
    expect(model.f(xBig).toNumber()).toBeCloseTo(p.f(x), 15);
    toFloatVector(model.grad(xBig)).forEach((gi, i) => expect(gi).toBeCloseTo(g[i], 15));
  });

  it('the descent rate read off the run holds; its twin is violated and certified by the replay', () => {
    const holds = falsify(descent, options);
    expect(holds.verdict).toBe('holds');
    const caught = falsify(twin, options);
    expect(caught.verdict).toBe('violated');
    expect(caught.counterexample?.certificate.status).toBe('certified');
    expect(caught.counterexample?.certificate.method).toBe('high-precision replay');
  });

  it('Drori-Teboulle from boundcheck/bounds/classical holds on it', () => {
    expect(falsify(gap, options).verdict).toBe('holds');
  });

  it('the pointwise Hessian-norm claim holds; its twin is violated and certified', () => {
    expect(falsify(curvature, options).verdict).toBe('holds');
    const caught = falsify(curvatureTwin, options);
    expect(caught.verdict).toBe('violated');
    expect(caught.counterexample?.certificate).toMatchObject({ status: 'certified', method: 'pointwise' });
  });

  it('the step-size sweep brackets the critical step 2/L', () => {
    const result = locateCriticalStep(2, 0.5);
    expect(result.threshold).toBe(1);
    expect(result.lastConverging).toBe(0.99);
    expect(result.firstNonConverging).toBe(1.01);
  });
});

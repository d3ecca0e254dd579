/**
 * Certification on a problem with a shadow model (a two-layer linear net, squared loss): a violated
 * claim about 60 steps of GD certifies by the shadow double-double replay, its lhs interval holding
 * the 80-digit BigNumber lhs, and the same claim certifies alike by BigNumber alone (`bignumber`,
 * the second opinion); past the edge of stability the shadowing bound grows until it no longer
 * resolves the values, and the certification falls back to BigNumber, saying why. A user's problem with the same shadow model certifies alike.
 */
import { describe, expect, it } from 'vitest';
import { claim, constant, family, gapAt, integer, problem, twoLayerLinearNet, uniform, type Problem } from '../../src/index.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import { certify } from '../../src/search/certify.js';
import { Rng } from '../../src/util/random.js';

const rng = new Rng(11);
const rows = (count: number, cols: number): number[][] => Array.from({ length: count }, () => Array.from(rng.normalVector(cols, 1)));
const net = twoLayerLinearNet({ X: rows(3, 7), Y: rows(2, 7), hidden: 4 });
const x0 = rng.normalVector(net.dim, 0.5);
const source = { reference: 'test', result: 'test', version: 'test', provenance: 'derived' } as const;

/** Violated on purpose: the gap after T steps of GD with step eta "is 0" (on `net`, or another problem). */
const gapVanishesOn = (target: Problem) => claim({
  id: 'test.net-gap',
  title: 'the gap of a 3-4-2 net after T steps is 0',
  source,
  kind: 'upper',
  family: family({
    name: 'a seeded 3-4-2 net (7 samples), T steps of eta',
    box: { eta: uniform(0.01, 0.1), T: integer(1, 300) },
    instance: ({ eta, T }) => ({ problem: target, x0, schedule: constant(eta), horizon: T }),
  }),
  lhs: gapAt(),
  rhs: () => 0,
  rhsLabel: '0',
});
const gapVanishes = gapVanishesOn(net);

describe('certification with a shadow model', () => {
  it('certifies by the shadow double-double replay, and BigNumber alone agrees with the 80-digit lhs inside its interval', () => {
    const found = evaluateClaim(gapVanishes, { eta: 0.02, T: 60 });
    expect(found.status).toBe('violated');
    const shadow = certify(gapVanishes, found, 1e-9);
    expect(shadow.method, shadow.reason).toBe('shadow double-double');
    expect(shadow.status).toBe('certified');
    expect(shadow.replays).toEqual([]);
    const big = certify(gapVanishes, found, 1e-9, { method: 'bignumber' });
    expect(big.method).toBe('high-precision replay');
    expect(big.status).toBe('certified');
    const lhs80 = big.replays[1].lhs;
    expect(shadow.enclosure!.lhs[0]).toBeLessThanOrEqual(lhs80);
    expect(shadow.enclosure!.lhs[1]).toBeGreaterThanOrEqual(lhs80);
  });

  it('falls back to BigNumber when the shadowing bound no longer resolves the values (step 0.08, past the edge of stability at x_0; 300 steps)', () => {
    const found = evaluateClaim(gapVanishes, { eta: 0.08, T: 300 });
    const certificate = certify(gapVanishes, found, 1e-9);
    expect(certificate.reason).toMatch(/^shadow double-double undecided \(the ball of \w+ at step \d+ straddles a rounding boundary\), so replayed in BigNumber/);
    expect(certificate.method).toBe('high-precision replay');
    expect(certificate.status).toBe('certified');
  });

  it("a user's problem certifies by its own shadow model (`problem({ ..., shadowModel })`), with the same intervals", () => {
    const own = problem({
      name: 'the 3-4-2 net, user-defined',
      dim: net.dim,
      f: (x) => net.f(x),
      grad: (x, out) => net.grad(x, out),
      gap: (x) => net.gap!(x),
      fStar: net.fStar,
      highPrecision: (digits) => net.highPrecision!(digits),
      shadowModel: () => net.shadowModel!(),
    });
    const claimOnOwn = gapVanishesOn(own);
    const certificate = certify(claimOnOwn, evaluateClaim(claimOnOwn, { eta: 0.02, T: 60 }), 1e-9);
    expect(certificate.method, certificate.reason).toBe('shadow double-double');
    expect(certificate.enclosure).toEqual(certify(gapVanishes, evaluateClaim(gapVanishes, { eta: 0.02, T: 60 }), 1e-9).enclosure);
  });
});

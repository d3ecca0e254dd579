/**
 * Type-level test, checked by tsc (tests/types/typeLevel.test.ts compiles it): the parameters a
 * family passes to `instance`, and a claim to its rhs and hypotheses, are typed by the family's
 * box, so a misspelt name is a type error; `withFixed` removes the fixed names and `mapFamily`
 * adds its extra box's; the rhs's run is a `Trajectory` after a run-based measure and `undefined`
 * after `firstHit`. Each `@ts-expect-error` fails the compilation when its line compiles.
 */
import { claim, constant, family, firstHit, gapAt, integer, logUniform, mapFamily, quadratic, withFixed } from '../../src/index.js';

const source = { reference: 'type test', result: '-', version: '-', provenance: 'derived' } as const;

const quadratics = family({
  name: 'quadratic(L)',
  box: { L: logUniform(1, 10), N: integer(1, 20) },
  instance: ({ L, N }) => ({ problem: quadratic({ eigenvalues: [L] }), x0: [1], schedule: constant(1 / L), horizon: N }),
});

family({
  name: 'misspelt in instance',
  box: { L: logUniform(1, 10) },
  // @ts-expect-error: the box has L, not Lip
  instance: ({ Lip }) => ({ problem: quadratic({ eigenvalues: [Lip] }) }),
});

export const typed = claim({
  id: 'types.typed',
  title: 'typed parameters',
  source,
  kind: 'upper',
  family: quadratics,
  lhs: gapAt(),
  rhs: ({ problem }, { L, N }, run) => (L * run.gap[0] * problem.dim) / N,
  rhsLabel: 'L gap_0 d / N',
  hypotheses: [{ name: 'L >= 1', holds: (_instance, { L }) => L >= 1 }],
});

claim({
  id: 'types.misspelt-rhs',
  title: 'misspelt in rhs',
  source,
  kind: 'upper',
  family: quadratics,
  lhs: gapAt(),
  // @ts-expect-error: the box has L, not Lip
  rhs: (_instance, { Lip }) => Lip,
  rhsLabel: 'L',
});

claim({
  id: 'types.misspelt-hypothesis',
  title: 'misspelt in a hypothesis',
  source,
  kind: 'upper',
  family: quadratics,
  lhs: gapAt(),
  rhs: (_instance, { L }) => L,
  rhsLabel: 'L',
  // @ts-expect-error: the box has N, not n
  hypotheses: [{ name: 'n >= 1', holds: (_instance, { n }) => n >= 1 }],
});

claim({
  id: 'types.first-hit',
  title: 'no run after firstHit',
  source,
  kind: 'upper',
  family: quadratics,
  lhs: firstHit(1e-3),
  // @ts-expect-error: firstHit needs the bound first, so the rhs gets no run
  rhs: (_instance, { L }, run) => L * run.steps,
  rhsLabel: 'L',
});

const fixedN = withFixed(quadratics, { N: 10 });
claim({
  id: 'types.fixed',
  title: 'a fixed parameter is gone from the params',
  source,
  kind: 'upper',
  family: fixedN,
  lhs: gapAt(),
  // @ts-expect-error: N is held fixed, so the search does not pass it
  rhs: (_instance, { L, N }) => L * N,
  rhsLabel: 'L N',
});

// @ts-expect-error: quadratics has no parameter M
withFixed(quadratics, { M: 10 });

const shifted = mapFamily(quadratics, 'shifted start', (instance, { shift, L }) => ({ ...instance, x0: [shift / L] }), {
  shift: logUniform(1, 2),
});
claim({
  id: 'types.mapped',
  title: 'mapFamily adds its extra parameters',
  source,
  kind: 'upper',
  family: shifted,
  lhs: gapAt(),
  rhs: (_instance, { L, N, shift }) => L * N * shift,
  rhsLabel: 'L N shift',
});

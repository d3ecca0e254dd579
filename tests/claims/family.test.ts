/**
 * Families at run time: `family` rejects a malformed box with a message naming the parameter,
 * `withFixed` holds parameters (and rejects unknown ones), `mapFamily` adds parameters (and
 * rejects clashes).
 */
import { describe, expect, it } from 'vitest';
import { constant, family, integer, logUniform, mapFamily, quadratic, withFixed, type ParameterBox } from '../../src/index.js';

const base = family({
  name: 'quadratic(L)',
  box: { L: logUniform(1, 10), N: integer(1, 20) },
  instance: ({ L, N }) => ({ problem: quadratic({ eigenvalues: [L] }), x0: [1], schedule: constant(1 / L), horizon: N }),
});

describe('families', () => {
  it('a box entry that is not a parameter range is an InputError naming it', () => {
    const box = { L: { min: 1, max: 2 } } as unknown as ParameterBox;
    expect(() => family({ name: 'bad', box, instance: () => ({ problem: quadratic({ eigenvalues: [1] }) }) })).toThrow(
      'family bad: parameter L must be uniform, logUniform or integer',
    );
    expect(() => family({ name: 'empty', box: {}, instance: () => ({ problem: quadratic({ eigenvalues: [1] }) }) })).toThrow(
      'family empty has an empty parameter box',
    );
  });

  it('withFixed removes the fixed parameters from the box and passes them to the base', () => {
    const fixed = withFixed(base, { N: 7 });
    expect(Object.keys(fixed.box)).toEqual(['L']);
    expect(fixed.name).toBe('quadratic(L)[N=7]');
    expect(fixed.instance({ L: 2 }).horizon).toBe(7);
    expect(() => withFixed(base, { M: 1 } as never)).toThrow('family quadratic(L) has no parameter M');
  });

  it('mapFamily adds its parameters and rejects a clash', () => {
    const shifted = mapFamily(base, 'shifted', (instance, { shift }) => ({ ...instance, x0: [shift] }), { shift: logUniform(1, 2) });
    expect(Object.keys(shifted.box)).toEqual(['L', 'N', 'shift']);
    expect(shifted.instance({ L: 2, N: 3, shift: 1.5 }).x0).toEqual([1.5]);
    expect(() => mapFamily(base, 'clash', (instance) => instance, { L: logUniform(1, 2) })).toThrow('family quadratic(L) already has a parameter L');
  });
});

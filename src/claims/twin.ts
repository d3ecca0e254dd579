/**
 * Broken twins: a claim with one deliberate mistake (a constant halved, an exponent off by one, a
 * relation flipped) that the falsifier must catch. Every claim in proofs-checks/ exports one, so a
 * check that cannot fail shows up as a twin that survives.
 */
import { claim, type Claim, type ClaimDefinition } from './claim.js';
import type { Instance } from './family.js';

export interface Mutation<I extends Instance> extends Partial<Omit<ClaimDefinition<I>, 'id' | 'expected'>> {
  /** What was changed, e.g. `4Nh + 2 -> 4Nh + 4`. */
  readonly mutation: string;
}

/** The claim with the mutation applied, id `<id>.twin`, expected to be violated. */
export function brokenTwin<I extends Instance>(base: Claim<I>, { mutation, ...changes }: Mutation<I>): Claim<I> {
  return claim<I>({
    ...base,
    ...changes,
    id: `${base.id}.twin`,
    title: `${base.title} [broken twin: ${mutation}]`,
    expected: 'violated',
  });
}

/**
 * Broken twins: a claim with one deliberate mistake (a constant halved, an exponent off by one, a
 * relation flipped) that the falsifier must catch. Every claim in proofs-checks/ exports one, so a
 * check that cannot fail shows up as a twin that survives.
 */
import { claim, type Claim, type ClaimDefinition } from './claim.js';
import type { Instance, ParameterBox } from './family.js';
import type { MeasureRun } from './measures.js';

/** A broken twin's changes to its claim. */
export interface Mutation<I extends Instance, R extends MeasureRun = MeasureRun, B extends ParameterBox = ParameterBox>
  extends Partial<Omit<ClaimDefinition<I, R, B>, 'id' | 'expected' | 'finding'>> {
  /** What was changed, e.g. `4Nh + 2 -> 4Nh + 4`. */
  readonly mutation: string;
}

/** The claim with the mutation applied, id `<id>.twin`, expected to be violated; it has no place in the Findings. */
export function brokenTwin<I extends Instance, R extends MeasureRun, B extends ParameterBox>(
  base: Claim<I, R, B>,
  { mutation, ...changes }: Mutation<NoInfer<I>, NoInfer<R>, NoInfer<B>>,
): Claim<I, R, B> {
  return claim<I, R, B>({
    ...base,
    ...changes,
    id: `${base.id}.twin`,
    title: `${base.title} [broken twin: ${mutation}]`,
    expected: 'violated',
    finding: undefined,
  });
}

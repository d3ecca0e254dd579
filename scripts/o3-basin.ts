/**
 * How far from the O3 worst case the adversarial stage still climbs back to it: classical.O3 at
 * L = 1, N = 5, from the exact worst case (the zigzag, lhs/rhs = 1) with every continuous parameter
 * moved by a uniform draw in [-size, size] of its unit range (clamped to the box), the adversarial stage alone with the
 * budget it gets in a search of 1000 evaluations; 8 draws per size, seeded.
 * Run: npx tsx scripts/o3-basin.ts. Prints a markdown table (pasted in README.md).
 */
import { loadClaimFile } from '../src/claims/load.js';
import { claim, type Claim } from '../src/claims/claim.js';
import { fromUnit, toUnit, withFixed, type Instance, type Params } from '../src/claims/family.js';
import { DEFAULT_TOLERANCE, evaluateClaim, type Evaluation } from '../src/claims/evaluate.js';
import { adversarialStage, isDegenerate } from '../src/search/adversarial.js';
import { splitBudget } from '../src/search/falsify.js';
import { Rng } from '../src/util/random.js';

const N = 5;
const BUDGET = splitBudget({ evaluationCost: 1 }, { budget: 1000 }).adversarial;
const DRAWS = 8;
const SIZES = [0.001, 0.01, 0.03, 0.1, 0.3];

const { claim: base } = await loadClaimFile(new URL('../proofs-checks/classical/O3-nonconvex-min-gradient.ts', import.meta.url).pathname);
const O3 = claim({ ...base, family: withFixed(base.family as never, { L: 1, N } as never) } as never) as Claim<Instance>;
const box = O3.family.box;
const evaluate = (params: Params): Evaluation => evaluateClaim(O3, params, { tolerance: DEFAULT_TOLERANCE });
const ratio = (e: Evaluation): number => (e.status === 'holds' && !isDegenerate(e) ? e.lhs / e.rhs : 0);

// The zigzag in the family's 'steps' parameters: in every step curvatures +L, -L (first = second = 1), f' back at its value (end = 0).
const worstCase: Record<string, number> = { h: 1, x0: 0.3, t0_slope: 1, t0_beyond: 1 };
for (let k = 0; k < 6; k++) Object.assign(worstCase, { [`t0_s${k}end`]: 0, [`t0_s${k}first`]: 1, [`t0_s${k}second`]: 1 });
const continuous = Object.keys(box).filter((name) => box[name].kind !== 'integer' && box[name].max > box[name].min);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const rng = new Rng(1);
console.log(`| perturbation (unit range) | start lhs/rhs (median) | reached (median) | reached (best) | reached >= 0.999 |`);
console.log('|---|---|---|---|---|');
for (const size of SIZES) {
  const starts: number[] = [];
  const reached: number[] = [];
  for (let draw = 0; draw < DRAWS; draw++) {
    const params: Record<string, number> = { ...worstCase };
    for (const name of continuous) params[name] = fromUnit(box[name], Math.min(1, Math.max(0, toUnit(box[name], worstCase[name]) + rng.between(-size, size))));
    const start = evaluate(params);
    const stage = adversarialStage(O3, [start], evaluate, { budget: BUDGET, starts: 1, tolerance: DEFAULT_TOLERANCE, outOfTime: () => false });
    starts.push(ratio(start));
    reached.push(Math.max(ratio(start), ...stage.evaluations.map(ratio)));
  }
  const f = (v: number): string => v.toFixed(4);
  console.log(`| ${size} | ${f(median(starts))} | ${f(median(reached))} | ${f(Math.max(...reached))} | ${reached.filter((v) => v >= 0.999).length}/${DRAWS} |`);
}

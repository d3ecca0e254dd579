/**
 * The public API for claim files and scripts: claims, families, measures and twins; the problem
 * families; schedules; the GD runner; estimators. Claim files import from here (`boundcheck`).
 */
export { claim, isClaim, type Claim, type ClaimDefinition, type ClaimKind, type ClaimSource, type Hypothesis, type Provenance } from './claims/claim.js';
export { family, fromUnit, integer, logUniform, mapFamily, toUnit, uniform, withFixed, type Family, type Instance, type ParameterBox, type ParameterSpec, type Params } from './claims/family.js';
export { distanceAt, firstHit, gapAt, minGradNorm, pointwise, sharpnessAt, trajectoryMeasure, type Measure, type MeasureContext, type MeasureValue } from './claims/measures.js';
export { brokenTwin, type Mutation } from './claims/twin.js';
export { evaluateClaim, DEFAULT_TOLERANCE, type Evaluation } from './claims/evaluate.js';
export { falsify, type SearchOptions, type SearchResult, type Verdict } from './search/falsify.js';
export * from './problems/problem.js';
export { coshExtremal } from './problems/cosh.js';
export { fromExpression, type ExpressionProblem } from './problems/expression.js';
export { exponentialRidge, logisticRidge } from './problems/glm.js';
export { huber, huberWorstCase } from './problems/huber.js';
export { deepLinearNet, linearNetWithLoss, squaredLoss, twoLayerLinearNet, whitenedLoss } from './problems/linearNets.js';
export { mlp, mlpInitialWeights } from './problems/mlp.js';
export { evenPower, evenPowerH1ForH0 } from './problems/power.js';
export { leastSquares, quadratic, quadraticFromMatrix } from './problems/quadratic.js';
export { quadraticExponentialA, quadraticExponentialB } from './problems/quadraticExponential.js';
export { deepScalarNet, scalarFactorization, scalarNetMinSharpness } from './problems/scalarNets.js';
export * from './schedules/index.js';
export { run, type GradientOracle, type RunOptions } from './gd/run.js';
export { additiveGaussianNoise, minibatch } from './gd/oracles.js';
export { classifyRun, type RunOutcome } from './gd/classify.js';
export { firstHitIteration, minGradNorm as trajectoryMinGradNorm, tailMax, type Trajectory } from './gd/trajectory.js';
export * from './estimate/index.js';
export { InputError } from './util/errors.js';
export { Rng } from './util/random.js';
export { classFamily, type ClassFamilyOptions, type ClassInstance, type CurvatureClass } from './classes/families.js';
export { piecewiseQuadratic, type PiecewiseQuadraticOptions, type PiecewiseQuadraticProblem } from './classes/piecewiseQuadratic.js';
export { rotatedSum, type RotatedSumOptions } from './classes/rotatedSum.js';

/**
 * The public API of boundcheck, for claim files and scripts (`import ... from 'boundcheck'`):
 * claims, families, measures and twins; sweeps over step sizes; the problem families, a builder
 * for hand-written problems and the BigNumber helpers that let them certify; curvature at a point;
 * schedules; the GD runner; estimators; the falsifier. Bound functions live in
 * `boundcheck/bounds/<paper>`.
 *
 * @module boundcheck
 */

// Claims: the statement, the family it quantifies over, what its left-hand side measures.
export { claim, isClaim, FINDING_GROUPS, type Claim, type ClaimDefinition, type ClaimKind, type ClaimSource, type Finding, type FindingGroup, type Hypothesis, type Provenance } from './claims/claim.js';
export { family, fromUnit, integer, logUniform, mapFamily, toUnit, uniform, withFixed, type Family, type Instance, type InstanceOf, type ParameterBox, type ParameterSpec, type Params } from './claims/family.js';
export {
  distanceAt,
  firstHit,
  gapAt,
  minGradNorm,
  pointwise,
  recordFor,
  requireRhs,
  sharpnessAt,
  summarize,
  trajectoryMeasure,
  type Certification,
  type Measure,
  type MeasureContext,
  type MeasureRun,
  type MeasureValue,
  type Runner,
  type TrajectorySummary,
} from './claims/measures.js';
export { brokenTwin, type Mutation } from './claims/twin.js';
export { evaluateClaim, DEFAULT_TOLERANCE, type Evaluation, type InstanceStatus } from './claims/evaluate.js';

// Step-size sweeps over seeded random starts, the empirical critical step, and their statistics.
export {
  asymptoticGradNorm,
  binomialLowerBound,
  criticalStepDeviation,
  describeConverged,
  dichotomyBound,
  fractionAgainstPrediction,
  ONE_SIDED_95,
  ruleOfThree,
  runLengthAt,
  runStarts,
  startsToRefute,
  stepSizeSweep,
  wilsonInterval,
  type CriticalStepInstance,
  type DichotomyInstance,
  type OutcomeCounts,
  type RunLength,
  type StepOutcome,
  type SweepInstance,
  type SweepPoint,
  type SweepResult,
  type SweepSettings,
} from './claims/sweep.js';

// Statistical claims: expectations and high-probability statements over seeded SGD repetitions.
export {
  bonferroni,
  correctionAt,
  DEFAULT_COMPARISONS,
  DEFAULT_LEVEL,
  expectation,
  expectedGapAt,
  expectedMinGradNormSquared,
  gapWithProbability,
  meanBound,
  quantile,
  quantileBound,
  type Bonferroni,
  type RepetitionSettings,
  type SampleStatistics,
  type Significance,
  type StochasticInstance,
} from './claims/statistical.js';

// The search.
export { falsify, type Counterexample, type IncompleteReason, type SearchEvaluator, type SearchOptions, type SearchResult, type Verdict } from './search/falsify.js';
export type { BatchEvaluator } from './search/random.js';
export type { StoppedEvaluations } from './search/tally.js';
export { certify, type BallMethod, type Certificate, type CertificationMethod, type CertifyOptions, type Enclosure, type Replay } from './search/certify.js';
export { replayInBalls, type BallReplay, type SeriesBounds } from './gd/runBall.js';

// Problems: the interface, hand-written problems, high precision, curvature, the built-in families.
export * from './problems/problem.js';
export { problem, type ProblemDefinition } from './problems/custom.js';
export { BALL_VALUE, ballEvaluation, type BallEvaluation, type BallModel } from './problems/ballModel.js';
export { gradientStepLipschitz, shadowBallModel, type CurvatureBounds, type ShadowModel } from './problems/shadowModel.js';
export {
  ballAdd,
  ballBounds,
  ballMatrix,
  ballMatrixProduct,
  ballMul,
  ballNormUpperBound,
  ballOneMinusProduct,
  ballScaleByPowerOfTwo,
  ballSpectralNormUpperBound,
  ballSqrtOfNonNegative,
  BallVector,
  DotAccumulator,
  type BallMatrixView,
  OPERATION_ERROR,
  result as ballResult,
  roundsToNearest,
  UNDERFLOW_ERROR,
  UNDERFLOW_ZONE,
} from './linalg/ddBall.js';
export { bigDot, bigMath, bigModel, bigSum, toBig, toBigVector, toFloatVector, type BigModelDefinition, type BigNumber, type MathJsInstance } from './problems/highPrecision.js';
export { hessianNorm, largestHessianEigenvalue } from './problems/curvature.js';
export { separableSum, type HighPrecisionScalarTerm, type ScalarTerm, type SeparableSumSpec } from './problems/separable.js';
export { coshExtremal, type CoshOptions } from './problems/cosh.js';
export { fromExpression, type ExpressionDefinition, type ExpressionProblem, type HighPrecisionPoint, type HighPrecisionProblem } from './problems/expression.js';
export { exponentialRidge, logisticRidge, type MarginRidgeOptions } from './problems/glm.js';
export { huber, huberWorstCase, type HuberOptions, type HuberWorstCaseOptions } from './problems/huber.js';
export {
  balancedFactorization,
  deepLinearNet,
  linearNetWithLoss,
  squaredLoss,
  twoLayerLinearNet,
  whitenedLoss,
  type FiniteSumLinearNetProblem,
  type FiniteSumProductLoss,
  type HighPrecisionProductLoss,
  type HighPrecisionProductLossMinimum,
  type LinearNetOptions,
  type LinearNetProblem,
  type ProductLoss,
  type ProductLossMinimum,
} from './problems/linearNets.js';
export type { MatrixRows } from './problems/layers.js';
export { mlp, mlpInitialWeights, type MlpCommonOptions, type MlpOptions, type MlpProblem } from './problems/mlp.js';
export { evenPower, evenPowerH1ForH0, type EvenPowerOptions } from './problems/power.js';
export { leastSquares, quadratic, quadraticFromMatrix, type LeastSquaresOptions, type QuadraticFromMatrixOptions, type QuadraticOptions } from './problems/quadratic.js';
export { quadraticExponentialA, quadraticExponentialB, type QuadraticExponentialAOptions, type QuadraticExponentialBOptions } from './problems/quadraticExponential.js';
export { deepScalarNet, scalarFactorization, scalarNetMinSharpness, type DeepScalarNetOptions, type ScalarNetProblem } from './problems/scalarNets.js';

// Dense symmetric linear algebra for claims that read matrices (eigenvalues, singular values).
export { largestSymmetricEigenvalue, singularValues, smallestSymmetricEigenvalue, spectralNorm, symmetricEigenvalues, symmetricSpectralNorm } from './linalg/dense.js';

// Schedules, the GD runner, run classification, trajectories.
export * from './schedules/index.js';
export { run, type GradientOracle, type RunOptions } from './gd/run.js';
export { abcNoise, additiveGaussianNoise, minibatch, type AbcConstants } from './gd/oracles.js';
export { classifyEnd, classifyRun, type ClassifyOptions, type RunEnd, type RunOutcome } from './gd/classify.js';
export { runLanes, type LaneRunOptions, type LaneRuns } from './gd/runLanes.js';
export {
  DEFAULT_RUN_SERIES,
  firstHitIteration,
  minGradNorm as trajectoryMinGradNorm,
  RUN_SERIES,
  tailMax,
  type Divergence,
  type RunEnds,
  type RunSeries,
  type StopReason,
  type Trajectory,
} from './gd/trajectory.js';

// Estimators of constants along paths.
export * from './estimate/index.js';

export { InputError } from './util/errors.js';
export { Rng } from './util/random.js';
export { classFamily, type ClassFamilyOptions, type ClassInstance, type CurvatureClass } from './classes/families.js';
export { piecewiseQuadratic, type PiecewiseQuadraticOptions, type PiecewiseQuadraticProblem } from './classes/piecewiseQuadratic.js';
export { piecewiseQuadraticPLConstant, plPiecewiseQuadratic, type PLConstant } from './classes/plConstant.js';
export { rotatedSum, type RotatedSumOptions } from './classes/rotatedSum.js';
export {
  expCoshClassFamily,
  expCoshTerm,
  type ExpCoshClassOptions,
  type ExpCoshInstance,
  type ExpCoshKind,
  type ExpCoshTermOptions,
} from './classes/expCosh.js';
export {
  dataOfRank,
  linearNetClassFamily,
  type DataOfRankOptions,
  type LinearNetClassInstance,
  type LinearNetClassOptions,
} from './classes/linearNetData.js';
export { atCriticalPoint, atMinimizer, certifiedCriticalPoint, solveCriticalPoint, type AtSpecialPoint, type CriticalPointOptions } from './classes/specialPoints.js';

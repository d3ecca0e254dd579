/** The estimate module's public surface: smoothness along paths, local PL ratios, curvature-envelope fits, the curvature study. */
export { hessianNormAlongPath, localSmoothnessAlongPath, sharpnessAlongPath } from './smoothness.js';
export { localPLRatio, minLocalPLRatio, type LocalPLRatios } from './pl.js';
export {
  MIN_ESTIMATED_RHO,
  estimateRho,
  fitH0H1Envelope,
  fitRhoEnvelope,
  h0h1Frontier,
  smallestH1ForH0,
  smallestKrhoForK0,
  type CurvaturePair,
  type EnvelopeFitOptions,
  type EnvelopeFitReport,
  type H0H1,
  type H0H1Fit,
  type RhoFit,
  type RhoFitOptions,
} from './envelope.js';
export {
  EXPONENT_GRID,
  FLAT_RISE,
  LINEAR_SLACK_TOLERANCE,
  MINIMUM_SEEN_REFERENCE,
  classifyEnvelope,
  curvatureStudy,
  envelopeSlack,
  mlpCurvatureStudy,
  pairIterations,
  powerEnvelope,
  tightestExponent,
  type CurvatureStudy,
  type CurvatureStudyOptions,
  type EnvelopeVerdict,
  type MlpCurvatureStudy,
  type MlpStudyConfig,
  type ReferenceRule,
  type ReferenceValue,
} from './curvatureStudy.js';

/**
 * One small figure of each type, from fixed data, shared by the spec and render tests; with the
 * Unicode each one's SVG must show.
 */
import type { TopLevelSpec } from 'vega-lite';
import { fitH0H1Envelope } from '../../src/estimate/envelope.js';
import {
  complexityFigure,
  curvatureFigure,
  LABELS,
  phaseDiagramFigure,
  scheduleFigure,
  superscript,
  tightnessHeatmap,
  trajectoryFigure,
} from '../../src/plot/specs.js';

const iterations = [0, 1, 2, 3, 4, 5, 6, 7];
const gaps = iterations.map((t) => 2 * 0.25 ** t);
const curvaturePairs = gaps.map((gap, t) => ({ gap, curvature: 1 + 3 * gap * (t % 2 === 0 ? 1 : 0.6) }));

export interface FigureCase {
  readonly name: string;
  readonly spec: TopLevelSpec;
  /** Characters the rendered SVG must contain: Greek letters, sub- and superscripts. */
  readonly unicode: readonly string[];
}

/** Builds the figures afresh (for determinism checks); FIGURES holds one build. */
export function figureCases(): FigureCase[] {
  return [
    {
      name: 'trajectory',
      spec: trajectoryFigure({
        title: 'GD on a quadratic, η = 1/L',
        subtitle: `μ = 0.1, ε = 10${superscript('-6')}`,
        series: [
          { label: 'constant η', x: iterations, y: gaps },
          { label: 'warm-up', x: iterations, y: iterations.map((t) => 2 / (1 + t) ** 2) },
        ],
        bound: { label: 'bound (1 − μ/L)ᵗ Δ₀', x: iterations, y: iterations.map((t) => 2 * 0.5 ** t) },
        yLabel: LABELS.gap,
      }),
      unicode: ['η', 'μ', 'Δ₀', 'ₜ', '⁻⁶', '−'],
    },
    {
      name: 'complexity',
      spec: complexityFigure({
        title: 'Iterations to ε',
        series: [
          { label: 'constant η', x: [1e-2, 1e-4, 1e-6], y: [20, 40, 60] },
          { label: '(H₀,H₁) warm-up', x: [1e-2, 1e-4, 1e-6], y: [12, 25, 37] },
        ],
        xLabel: LABELS.accuracy,
      }),
      unicode: ['ε', 'H₀', 'H₁', '10⁻⁴'],
    },
    {
      name: 'curvature',
      spec: curvatureFigure({
        title: 'Curvature along a run',
        pairs: curvaturePairs,
        envelope: fitH0H1Envelope(curvaturePairs),
      }),
      unicode: ['Δ', 'H₀', 'H₁', '‖∇²f(x)‖'],
    },
    {
      name: 'phase',
      spec: phaseDiagramFigure({
        title: 'Step-size phase diagram',
        points: [0.5, 1, 1.5, 1.9, 2.1, 3].map((stepSize) => ({
          stepSize,
          gradNorm: stepSize < 2 ? 1e-8 * stepSize : stepSize < 2.5 ? 0.3 : Infinity,
          fractionConverged: stepSize < 2 ? 1 : stepSize < 2.5 ? 0.4 : 0,
        })),
        criticalStep: 2,
        criticalLabel: 'η = 2/L',
      }),
      unicode: ['η', '‖∇f(xₜ)‖', '10⁻⁸'],
    },
    {
      name: 'tightness',
      spec: tightnessHeatmap({
        title: 'Tightness of the (H₀,H₁) bound',
        cells: [0.1, 1, 10].flatMap((H0) => [0.01, 0.1].map((H1) => ({ x: H0, y: H1, ratio: (H0 * H1) / 0.5 }))),
        xLabel: 'H₀',
        yLabel: 'H₁',
      }),
      unicode: ['H₀', 'H₁'],
    },
    {
      name: 'schedules',
      spec: scheduleFigure({
        title: 'Schedules',
        series: [
          { label: 'linear warm-up', x: iterations, y: iterations.map((t) => Math.min(1, t / 4)) },
          { label: 'cosine', x: iterations, y: iterations.map((t) => 0.5 * (1 + Math.cos((Math.PI * t) / 7))) },
        ],
      }),
      unicode: ['ηₜ'],
    },
  ];
}

export const FIGURES: readonly FigureCase[] = figureCases();

/**
 * Prop. E.2 (i), our reconstruction: the per-task curvature bound of the attention layer in terms of
 * the task's own loss, sqrt(f_j) [R, our constants].
 *
 * Result: for each task j of a single attention layer for in-context regression (the model of
 * alimisis2025.E.2), f_j = 1/2 (yhat_j - y_j)^2 + lambdaP/2 ||P||^2 + lambdaQ/2 ||Q||^2 satisfies
 * ||Hess f_j|| <= max(lambdaP, lambdaQ) + a1 + kappa f_j + b1 sqrt(2 f_j), kappa = 2 a2/lambdaP +
 * 2 b2/sqrt(lambdaP) (`attentionTaskCurvatureBound` with the task's constants). The audit notes that
 * the printed E.2 (i) bounds each task in terms of sqrt f, the mean loss, while the proof uses
 * sqrt f_j (warmup-h0h1.md §3.1); this is the proof's form (the printed one fails,
 * alimisis2025.E.2-task-mean-loss). The paper's constants were not recovered.
 * Hypotheses: the family of `attentionTasks`; the task index is part of the box.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. E.2 (i), Appendix E.
 * Provenance: derived [R] (the form [S-A], the constants ours).
 * Broken twin: kappa -> kappa/2 (at Q = 0 the Gauss-Newton part ||C p||^2 ||w||^2, C the context
 * tokens' second moment, reaches a2 ||p||^2 for colinear tokens, and kappa f_j is about a2 ||P||^2).
 */
import { attentionTaskCurvatureBound } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim, pointwise } from '../../src/index.js';
import { attentionTasks, taskCurvature, type AttentionInstance } from './_attention.js';

/** The bound at the task's own loss; kappaFactor scales kappa (through a2 and b2) for the twin. */
const taskBound = ({ problem, taskConstants, x0, task }: AttentionInstance, kappaFactor = 1) =>
  attentionTaskCurvatureBound({
    lambdaP: problem.lambdaP,
    lambdaQ: problem.lambdaQ,
    ...taskConstants,
    a2: kappaFactor * taskConstants.a2,
    b2: kappaFactor * taskConstants.b2,
    loss: problem.taskObjective(x0, task),
  });

const perTask = claim({
  id: 'alimisis2025.E.2-task',
  title: '[R, our constants] Prop. E.2 (i) with the task\'s own loss, single attention layer: ||Hess f_j|| <= lambda + a1 + kappa f_j + b1 sqrt(2 f_j)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. E.2 (i), the proof\'s form (warmup-h0h1.md §3.1)',
    version: 'v2',
    provenance: 'derived',
    tag: '[S-A] form, [R] constants',
  },
  kind: 'upper',
  family: attentionTasks(),
  lhs: pointwise('||Hess f_j(P, Q)||', taskCurvature),
  rhs: (instance) => taskBound(instance),
  rhsLabel: 'max(lambdaP, lambdaQ) + a1 + kappa f_j + b1 sqrt(2 f_j)',
  expected: 'holds',
});
export default perTask;

export const twin = brokenTwin(perTask, {
  mutation: 'kappa -> kappa/2',
  rhs: (instance) => taskBound(instance, 0.5),
  rhsLabel: 'max(lambdaP, lambdaQ) + a1 + kappa/2 f_j + b1 sqrt(2 f_j)',
});

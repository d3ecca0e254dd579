/**
 * Prop. E.2 (i) as the audit says it is printed: each task's curvature bounded in terms of sqrt f, the
 * mean loss over the tasks, in place of sqrt f_j [S-A form, R constants]. Expected to fail.
 *
 * Statement checked: for each task j of a single attention layer for in-context regression (the model
 * of alimisis2025.E.2), ||Hess f_j|| <= max(lambdaP, lambdaQ) + a1 + kappa f + b1 sqrt(2 f), with
 * f = (1/J) sum_k f_k the mean objective: the bound of alimisis2025.E.2-task with f_j replaced by f,
 * which is what the audit reports E.2 (i) to print while its proof uses sqrt f_j (warmup-h0h1.md §3.1).
 * Finding: a task whose residual exceeds the root mean square of the residuals breaks it. At P = Q = 0
 * the prediction is 0, f_j = y_j^2/2 and, for colinear context tokens, ||Hess f_j|| exceeds
 * max(lambdaP, lambdaQ) + b1 |y_j|; with J tasks of which one carries the label noise, sqrt(2 f) is
 * about |y_j| / sqrt J. The paper's constants were not recovered, so this refutes the form with our
 * constants; the step it stands for (Jensen over the tasks, in the proof of E.2 (ii)) only needs the
 * per-task form, which holds (alimisis2025.E.2-task).
 * Hypotheses: the family of `attentionTasks`.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. E.2 (i), Appendix E.
 * Provenance: secondary [S-A] (the printed form, as the audit reports it), [R] constants.
 * Expected: violated, its own positive control.
 */
import { attentionTaskCurvatureBound } from '../../bounds/alimisis2025.js';
import { claim, pointwise } from '../../src/index.js';
import { attentionTasks, taskCurvature, type AttentionInstance } from './_attention.js';

const meanLoss = claim({
  id: 'alimisis2025.E.2-task-mean-loss',
  title: 'Prop. E.2 (i) with the mean loss f in place of f_j (as the audit reports it printed; our constants): ||Hess f_j|| <= lambda + a1 + kappa f + b1 sqrt(2 f)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. E.2 (i), the printed form (warmup-h0h1.md §3.1)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A] form, [R] constants',
  },
  kind: 'upper',
  family: attentionTasks({ nearOrigin: true }),
  lhs: pointwise('||Hess f_j(P, Q)||', taskCurvature),
  rhs: ({ problem, taskConstants, x0 }: AttentionInstance) =>
    attentionTaskCurvatureBound({ lambdaP: problem.lambdaP, lambdaQ: problem.lambdaQ, ...taskConstants, loss: problem.f(x0) }),
  rhsLabel: 'max(lambdaP, lambdaQ) + a1 + kappa f + b1 sqrt(2 f), f the mean over the tasks',
  expected: 'violated',
  finding: {
    group: 'reconstruction-refuted',
    text: "Prop. E.2 (i) with each task's curvature bounded through sqrt f, the mean loss over the tasks, as the audit reports the printed statement (its proof uses sqrt f_j), with our constants: a task whose residual exceeds the root mean square of the residuals breaks it (at P = Q = 0 the cross block's curvature is |y_j| times ||w|| trace C for colinear context tokens, while sqrt(2 f) is about |y_j| / sqrt J). Quantifier: for every point and task, on seeded in-context linear regression with d <= 2, n, J <= 4 and label noise on the query. The per-task form in sqrt f_j holds (alimisis2025.E.2-task), and so does the mean objective's (H0,H1) bound it feeds (alimisis2025.E.2); the paper's own constants were not recovered.",
  },
});
export default meanLoss;

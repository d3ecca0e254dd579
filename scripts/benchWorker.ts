/**
 * Worker thread of scripts/bench-numpy.ts: builds the benchmark problems on the kernels this thread
 * chose (BOUNDCHECK_KERNELS as the thread started) and, on each request { index, steps, reps, record? },
 * runs `run()` reps times for `steps` steps (recording `record`, by default the default series),
 * then answers with the kernels' name and the steps done.
 */
import { parentPort } from 'node:worker_threads';
import { run } from '../src/gd/run.js';
import { activeKernels } from '../src/linalg/kernels.js';
import type { RunSeries } from '../src/gd/trajectory.js';
import { constant } from '../src/schedules/index.js';
import { benchProblems } from './benchProblems.js';

const problems = benchProblems();
const port = parentPort!;
port.on('message', ({ index, steps, reps, record }: { index: number; steps: number; reps: number; record?: RunSeries[] }) => {
  const { problem, eta, x0 } = problems[index];
  let done = 0;
  for (let r = 0; r < reps; r++) done += run(problem, constant(eta), x0, { maxSteps: steps, ...(record ? { record } : {}) }).steps;
  port.postMessage({ kernels: activeKernels.name, done });
});
port.postMessage({ kernels: activeKernels.name, done: 0 });

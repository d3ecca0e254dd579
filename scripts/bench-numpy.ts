/**
 * GD steps per second of `run()` on the WebAssembly SIMD kernels, of `run()` on the JavaScript
 * kernels, of a plain Float64Array loop and of NumPy (one OpenBLAS thread), in one run: rotated
 * quadratics d = 10 ... 3000 and the two-layer linear net 20 x 50 x 20 on n = 100 samples
 * (scripts/benchProblems.ts). The four are timed interleaved, round after round, in CPU time (each
 * `run()` build in its own worker thread while the main thread waits; NumPy in a python3 child
 * that times itself); the table gives medians over the rounds and their ratios (above 1: the first
 * named is faster). NumPy's column is skipped, with a note, when python3 with NumPy is missing.
 * For the net, `run()` on the WebAssembly kernels also records only the gap, in the same rounds.
 * Then the recording benchmark's d = 10 case (tests/bench/recording.bench.ts: `run()` recording
 * only the gap, and every series, against its plain loop) in interleaved rounds of CPU time, with
 * the ratios of the fastest samples and of the medians. Then, once, the main job (`boundcheck check --all --workers 2`, from the built package) with its
 * wall time and peak resident memory, through /usr/bin/time -v when present.
 *
 * Usage: tsx scripts/bench-numpy.ts [--rounds 9] [--recording-rounds 30] [--no-main-job] [--recording-only]   (npm run bench:numpy builds first)
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { run } from '../src/gd/run.js';
import { exactOrthogonal } from '../src/problems/quadratic.js';
import { constant } from '../src/schedules/index.js';
import { Rng } from '../src/util/random.js';
import { moduleWorker } from '../src/util/workerThread.js';
import { NET, QUADRATIC_DIMENSIONS, netData, quadraticEigenvalues, recordingCase } from './benchProblems.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argument = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(argument('--rounds') ?? 9);
/** Multiply-adds per timed measurement: about 50 ms of work for the slowest column. */
const WORK_PER_MEASUREMENT = 5e7;
/** Steps per run() call: short enough that no iterate becomes subnormal. */
const MAX_STEPS_PER_RUN = 1000;

interface Case {
  readonly label: string;
  readonly index: number;
  readonly steps: number;
  readonly reps: number;
  /** The plain Float64Array loop, when there is one for this problem (its iterate stays in a buffer). */
  readonly plain?: (steps: number) => void;
}

function sizing(work: number): { steps: number; reps: number } {
  const total = Math.max(5, Math.round(WORK_PER_MEASUREMENT / work));
  const steps = Math.min(MAX_STEPS_PER_RUN, total);
  return { steps, reps: Math.max(1, Math.round(total / steps)) };
}

/** The factored quadratic step of `quadratic()` written out: y = Q^T x, s = lambda y, g = Q s, ||g||, x -= eta g. */
function plainQuadratic(q: Float64Array, lambda: Float64Array, x0: Float64Array, eta: number): (steps: number) => void {
  const d = lambda.length;
  const x = new Float64Array(d);
  const y = new Float64Array(d);
  const s = new Float64Array(d);
  const g = new Float64Array(d);
  /** f and ||g|| of the last step, kept like run() keeps them. */
  const value = new Float64Array(2);
  return (steps) => {
    x.set(x0);
    for (let t = 0; t < steps; t++) {
      y.fill(0);
      for (let i = 0; i < d; i++) {
        const xi = x[i];
        const row = i * d;
        for (let j = 0; j < d; j++) y[j] += xi * q[row + j];
      }
      let f = 0;
      for (let k = 0; k < d; k++) {
        s[k] = lambda[k] * y[k];
        f += s[k] * y[k];
      }
      let norm = 0;
      for (let i = 0; i < d; i++) {
        const row = i * d;
        let sum = 0;
        for (let j = 0; j < d; j++) sum += q[row + j] * s[j];
        g[i] = sum;
        norm += sum * sum;
      }
      for (let i = 0; i < d; i++) x[i] -= eta * g[i];
      value[0] = 0.5 * f;
      value[1] = Math.sqrt(norm);
    }
  };
}

/** A python3 child running scripts/bench_numpy.py, or undefined (with the reason) when NumPy is missing. */
class NumPy {
  private readonly answers: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, null>) {
    this.answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  static async start(): Promise<{ numpy?: NumPy; note: string }> {
    const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
    if (probe.status !== 0) return { note: 'NumPy column skipped: python3 with numpy is not available' };
    const child = spawn('python3', [join(ROOT, 'scripts', 'bench_numpy.py')], {
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const numpy = new NumPy(child);
    const hello = JSON.parse(await numpy.answer()) as { numpy: string };
    return { numpy, note: `NumPy ${hello.numpy}, OPENBLAS_NUM_THREADS=1` };
  }

  private async answer(): Promise<string> {
    const next = await this.answers.next();
    if (next.done) throw new Error('the NumPy helper exited');
    return next.value;
  }

  async load(request: Record<string, number | string>, arrays: readonly Float64Array[]): Promise<void> {
    const bytes = Buffer.concat(arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
    this.child.stdin.write(`${JSON.stringify({ ...request, bytes: bytes.length })}\n`);
    this.child.stdin.write(bytes);
    await this.answer();
  }

  async seconds(index: number, steps: number, reps: number, form = ''): Promise<number> {
    this.child.stdin.write(`${JSON.stringify({ op: 'time', index, steps, reps, form })}\n`);
    return (JSON.parse(await this.answer()) as { seconds: number }).seconds;
  }

  close(): void {
    this.child.stdin.end();
  }
}

/** A bench worker on the kernels `kernels` selects ('' for the default choice). */
async function startWorker(kernels: string): Promise<{ worker: Worker; name: string; request: (message: object) => Promise<number> }> {
  const saved = process.env.BOUNDCHECK_KERNELS;
  if (kernels) process.env.BOUNDCHECK_KERNELS = kernels;
  else delete process.env.BOUNDCHECK_KERNELS;
  const worker = moduleWorker(new URL('./benchWorker.ts', import.meta.url), {});
  if (saved === undefined) delete process.env.BOUNDCHECK_KERNELS;
  else process.env.BOUNDCHECK_KERNELS = saved;
  let failure: Error | undefined;
  worker.on('error', (error) => (failure = error));
  const reply = () =>
    new Promise<{ kernels: string; done: number }>((resolve, reject) => {
      if (failure) return reject(failure);
      const exited = () => reject(failure ?? new Error('a bench worker exited'));
      worker.once('exit', exited);
      worker.once('message', (message: { kernels: string; done: number }) => {
        worker.off('exit', exited);
        resolve(message);
      });
    });
  const { kernels: name } = await reply();
  return { worker, name, request: async (message) => (worker.postMessage(message), (await reply()).done) };
}

/** CPU seconds of the whole process while `work` runs (the other threads wait meanwhile). */
async function cpuSeconds(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rate = (value: number | undefined): string => (value === undefined ? '-' : value >= 1e4 ? value.toExponential(2) : value.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '-' : (a / b).toFixed(2));

/** Runs of each recording column per timed sample (about 25 ms of work at d = 10). */
const RUNS_PER_SAMPLE = 5;

/**
 * `run()` against the plain loop on the recording benchmark's d = 10 quadratic: `rounds` rounds,
 * each timing every column once (the order rotating), in CPU time; ratios of the fastest samples
 * and of the medians (above 1: run() is faster).
 */
function recordingTable(rounds: number): string {
  const { problem, x0, steps, plainLoop } = recordingCase(10, new Rng(2026));
  const schedule = constant(1);
  const columns: ReadonlyArray<readonly [string, () => void]> = [
    ['plain Float64Array loop', plainLoop],
    ["run(), the gap only (gapAt's series)", () => void run(problem, schedule, x0, { maxSteps: steps, record: ['gap'] })],
    ['run(), every series (plots, reports)', () => void run(problem, schedule, x0, { maxSteps: steps })],
  ];
  const samples = columns.map(() => [] as number[]);
  for (let round = -1; round < rounds; round++) {
    for (let i = 0; i < columns.length; i++) {
      const column = (i + Math.max(0, round)) % columns.length;
      const start = process.cpuUsage();
      for (let r = 0; r < RUNS_PER_SAMPLE; r++) columns[column][1]();
      const used = process.cpuUsage(start);
      // Round -1 warms every column up and is not kept.
      if (round >= 0) samples[column].push((used.user + used.system) / 1e3 / RUNS_PER_SAMPLE);
    }
  }
  const [plainFastest, plainMedian] = [Math.min(...samples[0]), median(samples[0])];
  const lines = [
    `\nRecording, quadratic d = 10, ${steps} steps per run: ms per run, CPU time, ${rounds} interleaved rounds.\n`,
    '| measurement | fastest | median | vs plain loop, fastest | vs plain loop, median |',
    '|---|---|---|---|---|',
  ];
  columns.forEach(([label], i) => {
    const [fastest, middle] = [Math.min(...samples[i]), median(samples[i])];
    lines.push(`| ${label} | ${fastest.toFixed(2)} | ${middle.toFixed(2)} | ${(plainFastest / fastest).toFixed(2)} | ${(plainMedian / middle).toFixed(2)} |`);
  });
  return lines.join('\n');
}

function mainJob(): string {
  const bin = join(ROOT, 'bin', 'boundcheck.js');
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) return 'main job skipped: no build in dist/ (npm run build)';
  const out = mkdtempSync(join(tmpdir(), 'boundcheck-bench-'));
  try {
    const args = [bin, 'check', '--all', '--workers', '2', '--out', out];
    if (!existsSync('/usr/bin/time')) {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      return `main job (exit ${result.status}): wall ${((performance.now() - start) / 1e3).toFixed(1)} s; peak memory not measured (no /usr/bin/time)`;
    }
    const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const field = (name: string) => result.stderr.match(new RegExp(`${name}: (.*)`))?.[1]?.trim() ?? '?';
    const peakMb = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
    return `main job \`node bin/boundcheck.js check --all --workers 2\` (exit ${result.status}): wall ${field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')}, peak RSS ${peakMb.toFixed(0)} MB, CPU ${field('Percent of CPU this job got')}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--recording-only')) {
    console.log(recordingTable(Number(argument('--recording-rounds') ?? 30)));
    return;
  }
  const wasm = await startWorker('');
  const js = await startWorker('js');
  const { numpy, note } = await NumPy.start();
  const cases: Case[] = [];
  for (const [index, d] of QUADRATIC_DIMENSIONS.entries()) {
    const q = exactOrthogonal(d, new Rng(d));
    const lambda = quadraticEigenvalues(d);
    const x0 = new Rng(d + 1).normalVector(d);
    await numpy?.load({ op: 'quadratic', index, d, eta: 1 }, [q, lambda, x0]);
    cases.push({ label: `quadratic d = ${d}`, index, ...sizing(2 * d * d), plain: plainQuadratic(q, lambda, x0, 1) });
  }
  const net = netData();
  const netIndex = QUADRATIC_DIMENSIONS.length;
  const { inputs: n, hidden: h, outputs: m, samples: N } = NET;
  const netRows = (rows: number[][]) => Float64Array.from(rows.flat());
  await numpy?.load({ op: 'net', index: netIndex, n, h, m, N, eta: 1e-4 }, [netRows(net.X), netRows(net.Y), net.x0.subarray(0, h * n), net.x0.subarray(h * n)]);
  cases.push({ label: `linear net ${n}x${h}x${m}, n = ${N}`, index: netIndex, ...sizing(h * n * m + 2 * m * n * N + 2 * m * h * n) });

  const columns = ['wasm', 'wasmGapOnly', 'js', 'plain', 'numpy', 'numpyLayerWise'] as const;
  type Column = (typeof columns)[number];
  const times = new Map<string, number[]>();
  const record = (c: Case, column: Column, seconds: number) => {
    const key = `${c.index}/${column}`;
    times.set(key, [...(times.get(key) ?? []), seconds / (c.steps * c.reps)]);
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      // Rotate the order each round, so that no column always runs right after another.
      const order = columns.map((_, i) => columns[(i + round) % columns.length]);
      for (const column of order) {
        const message = { index: c.index, steps: c.steps, reps: c.reps };
        if (column === 'wasm' || column === 'js' || (column === 'wasmGapOnly' && c.index === netIndex)) {
          const worker = column === 'js' ? js : wasm;
          let done = 0;
          const request = column === 'wasmGapOnly' ? { ...message, record: ['gap'] } : message;
          const seconds = await cpuSeconds(async () => (done = await worker.request(request)));
          if (done !== c.steps * c.reps) throw new Error(`${c.label}: run() stopped after ${done} of ${c.steps * c.reps} steps`);
          record(c, column, seconds);
        } else if (column === 'plain' && c.plain) {
          const plain = c.plain;
          record(c, column, await cpuSeconds(() => {
            for (let r = 0; r < c.reps; r++) plain(c.steps);
          }));
        } else if (column === 'numpy' && numpy) {
          record(c, column, await numpy.seconds(c.index, c.steps, c.reps, 'end-to-end'));
        } else if (column === 'numpyLayerWise' && numpy && c.index === netIndex) {
          record(c, column, await numpy.seconds(c.index, c.steps, c.reps, 'layer-wise'));
        }
      }
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
  }
  numpy?.close();
  await wasm.worker.terminate();
  await js.worker.terminate();

  const perSecond = (c: Case, column: Column): number | undefined => {
    const samples = times.get(`${c.index}/${column}`);
    return samples ? 1 / median(samples) : undefined;
  };
  console.log(`\nGD steps per second, CPU time, medians of ${ROUNDS} interleaved rounds (${wasm.name} vs ${js.name} kernels; ${note}).`);
  console.log('Ratios above 1: the first named is faster.\n');
  console.log('| problem | steps x runs | run() wasm | run() JS | plain loop | NumPy | wasm / NumPy | JS / NumPy | plain / NumPy | wasm / plain | wasm / JS |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of cases) {
    const [w, j, p, np] = (['wasm', 'js', 'plain', 'numpy'] as const).map((column) => perSecond(c, column));
    console.log(`| ${c.label} | ${c.steps} x ${c.reps} | ${rate(w)} | ${rate(j)} | ${rate(p)} | ${rate(np)} | ${ratio(w, np)} | ${ratio(j, np)} | ${ratio(p, np)} | ${ratio(w, p)} | ${ratio(w, j)} |`);
  }
  const netCase = cases[netIndex];
  const layerWise = perSecond(netCase, 'numpyLayerWise');
  if (layerWise !== undefined) {
    console.log(`\nLinear net, NumPy's layer-wise form (H = W1 X, ...): ${rate(layerWise)} steps/s; run() wasm / it: ${ratio(perSecond(netCase, 'wasm'), layerWise)}.`);
    console.log(`The table's NumPy column for the net is the end-to-end form (P = W2 W1, what run() computes).`);
  }
  const gapOnly = perSecond(netCase, 'wasmGapOnly');
  console.log(
    `\nLinear net, run() wasm recording only the gap (a claim on the gap; the gradient norm only decides, from its sum of squares as in NumPy): ` +
      `${rate(gapOnly)} steps/s; / NumPy (end-to-end): ${ratio(gapOnly, perSecond(netCase, 'numpy'))}; / run() recording every default series: ${ratio(gapOnly, perSecond(netCase, 'wasm'))}.`,
  );
  console.log(recordingTable(Number(argument('--recording-rounds') ?? 30)));
  if (!process.argv.includes('--no-main-job')) console.log(`\n${mainJob()}`);
}

await main();

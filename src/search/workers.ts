/**
 * Bounded evaluation for the command line. A search runs in a search thread (searchWorker.ts),
 * which asks for its evaluations synchronously (Atomics.wait on a shared counter, then
 * receiveMessageOnPort); this thread answers from a pool of evaluator processes (worker.ts), each
 * evaluation with a time limit (`--eval-timeout`) and each process with a heap cap. An evaluation
 * past either limit is killed with its process, answered as `timeout` or `out-of-memory`, and a
 * fresh process takes its place; the search goes on. Processes, not threads: a worker thread's
 * `resourceLimits` cannot stop one huge allocation inside a builtin (`new Array(1e9).fill(x)`), which
 * aborts the whole process, and `terminate()` cannot interrupt it; SIGKILL can. At the search's time limit every evaluation of
 * that search is terminated and its requests answered `stopped`; a search thread that still has not
 * reported a second or two later (the claim's own code in it does not return) is terminated too.
 * Results come back in the order asked, so the search is the same with any number of threads.
 */
import type { ChildProcess } from 'node:child_process';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { Evaluation } from '../claims/evaluate.js';
import type { Params } from '../claims/family.js';
import type { Report } from '../report/report.js';
import { InputError } from '../util/errors.js';
import { moduleProcess, moduleWorker, siblingModule } from '../util/workerThread.js';
import type { Certificate } from './certify.js';
import { stoppedEvaluation } from './tally.js';

/** Limits of each evaluation. */
export interface EvaluationLimits {
  readonly timeoutSeconds: number;
  /** Old-generation heap of an evaluator thread, in MB. */
  readonly memoryMb: number;
}

export const DEFAULT_EVAL_TIMEOUT_SECONDS = 60;
export const DEFAULT_EVAL_MEMORY_MB = 1024;
/** Extra time a fresh thread gets to load the claim file before its first evaluation is timed. */
const LOAD_ALLOWANCE_MS = 60_000;
/** How long after its time limit a search thread may take to report before it is terminated. */
export const STOP_GRACE_MS = 2_000;

export type EvaluatorTask = { readonly id: number; readonly file: string; readonly exportName: string; readonly tolerance: number } & (
  | { readonly kind: 'load' }
  | { readonly kind: 'evaluate'; readonly params: Params }
  | { readonly kind: 'certify'; readonly evaluation: Evaluation; readonly searchSize: number }
);

type TaskResult =
  | { readonly kind: 'loaded' }
  | { readonly kind: 'evaluation'; readonly evaluation: Evaluation }
  | { readonly kind: 'certificate'; readonly certificate: Certificate };

export type EvaluatorReply =
  | { readonly id: number; readonly kind: 'started' }
  | { readonly id: number; readonly kind: 'done'; readonly result: TaskResult }
  | { readonly id: number; readonly kind: 'error'; readonly message: string; readonly input: boolean };

/**
 * `cancelled`: the task's job was cancelled before the task began; `interrupted`: while it ran (its
 * claim loaded), so that the evaluation is reported as stopped, with its point.
 */
type TaskOutcome =
  | TaskResult
  | { readonly kind: 'timeout' | 'out-of-memory' | 'cancelled' | 'interrupted' }
  | { readonly kind: 'error'; readonly message: string; readonly input: boolean };

type TaskRequest = EvaluatorTask extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

interface Pending {
  readonly task: EvaluatorTask;
  readonly job: number;
  readonly resolve: (outcome: TaskOutcome) => void;
}

interface Slot {
  readonly process: ChildProcess;
  readonly loaded: Set<string>;
  pending?: Pending;
  timer?: NodeJS.Timeout;
}

/** Evaluator processes, started on demand up to `size`, each running one task at a time. */
export class EvaluatorPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private nextJob = 0;
  private closed = false;

  constructor(
    readonly size: number,
    readonly limits: EvaluationLimits,
    private readonly typescript: boolean,
  ) {}

  run(job: number, request: TaskRequest): Promise<TaskOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ task: { ...request, id: this.nextId++ } as EvaluatorTask, job, resolve });
      this.dispatch();
    });
  }

  /**
   * Starts up to `size` evaluator processes at once, each loading one of `claims` (in turn), so that
   * they load while the search thread does; a claim file that fails to load is reported by the
   * search itself.
   */
  warm(claims: ReadonlyArray<{ readonly file: string; readonly exportName: string }>): void {
    const job = this.newJob();
    for (let i = 0; i < Math.min(this.size, claims.length); i++) {
      void this.run(job, { kind: 'load', file: claims[i].file, exportName: claims[i].exportName, tolerance: 0 });
    }
  }

  /**
   * Evaluates `points` of a claim in order for `job`: the evaluations (stopped ones as `timeout` or
   * `out-of-memory`, and those running when the job was cancelled as `timeout`), cut before the
   * first point not begun when the job was cancelled; the first error in order otherwise.
   */
  async evaluatePoints(
    job: number,
    claim: { readonly file: string; readonly exportName: string; readonly tolerance: number },
    points: readonly Params[],
  ): Promise<{ readonly kind: 'evaluations'; readonly evaluations: Evaluation[]; readonly cancelled: boolean } | { readonly kind: 'error'; readonly message: string; readonly input: boolean }> {
    const outcomes = await Promise.all(points.map((params) => this.run(job, { kind: 'evaluate', ...claim, params })));
    const evaluations: Evaluation[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.kind === 'error') return outcome;
      if (outcome.kind === 'cancelled') return { kind: 'evaluations', evaluations, cancelled: true };
      if (outcome.kind === 'evaluation') evaluations.push(outcome.evaluation);
      else if (outcome.kind === 'interrupted') evaluations.push(stoppedEvaluation(points[i], 'timeout'));
      else if (outcome.kind === 'timeout' || outcome.kind === 'out-of-memory') evaluations.push(stoppedEvaluation(points[i], outcome.kind));
    }
    return { kind: 'evaluations', evaluations, cancelled: outcomes.some((outcome) => outcome.kind === 'interrupted') };
  }

  /** A new job number for `run`, `evaluatePoints` and `cancel`. */
  newJob(): number {
    return this.nextJob++;
  }

  /**
   * Ends every task of `job`: queued ones are dropped (`cancelled`), running ones terminated with
   * their process (`interrupted` once their claim was loaded, `cancelled` while it loads).
   */
  cancel(job: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].job === job) this.queue.splice(i, 1)[0].resolve({ kind: 'cancelled' });
    }
    for (const slot of [...this.slots]) {
      const pending = slot.pending;
      if (pending?.job === job) this.finish(slot, { kind: slot.loaded.has(keyOf(pending.task)) ? 'interrupted' : 'cancelled' }, true);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'cancelled' });
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      slot.process.kill('SIGKILL');
    }
  }

  private spawn(): Slot {
    const child = moduleProcess(siblingModule(import.meta.url, 'worker'), {
      typescript: this.typescript,
      heapMb: this.limits.memoryMb,
    });
    const slot: Slot = { process: child, loaded: new Set() };
    child.on('message', (reply: EvaluatorReply) => {
      if (!slot.pending || slot.pending.task.id !== reply.id) return;
      if (reply.kind === 'started') {
        slot.loaded.add(keyOf(slot.pending.task));
        this.startTimer(slot, this.limits.timeoutSeconds * 1000);
      } else if (reply.kind === 'done') {
        slot.loaded.add(keyOf(slot.pending.task));
        this.finish(slot, reply.result, false);
      } else {
        this.finish(slot, { kind: 'error', message: reply.message, input: reply.input }, false);
      }
    });
    child.on('exit', (code, signal) => {
      if (!this.slots.includes(slot)) return;
      // V8 aborts a process whose heap is full (SIGABRT, or exit code 134 through a shell).
      const outOfMemory = signal === 'SIGABRT' || code === 134;
      if (slot.pending) {
        const message = `an evaluator process exited (${signal ?? `code ${code}`}) during an evaluation`;
        this.finish(slot, outOfMemory ? { kind: 'out-of-memory' } : { kind: 'error', message, input: false }, true);
      } else this.replace(slot);
    });
    child.on('error', () => this.replace(slot));
    return slot;
  }

  private startTimer(slot: Slot, ms: number): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.finish(slot, { kind: 'timeout' }, true), ms);
  }

  /** Resolves the slot's task; a thread that was stopped mid-task is replaced by a fresh one. */
  private finish(slot: Slot, outcome: TaskOutcome, terminate: boolean): void {
    clearTimeout(slot.timer);
    const pending = slot.pending;
    slot.pending = undefined;
    if (terminate) this.replace(slot);
    pending?.resolve(outcome);
    this.dispatch();
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.process.kill('SIGKILL');
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.pending);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
        this.slots.push(slot);
      }
      const pending = this.queue.shift()!;
      slot.pending = pending;
      this.startTimer(slot, this.limits.timeoutSeconds * 1000 + (slot.loaded.has(keyOf(pending.task)) ? 0 : LOAD_ALLOWANCE_MS));
      slot.process.send(pending.task);
    }
  }
}

const keyOf = (task: { file: string; exportName: string }): string => `${task.file}#${task.exportName}`;

/** What a search thread asks on its synchronous port, and what it gets back. */
export type SearchRequest =
  | { readonly kind: 'batch'; readonly points: readonly Params[] }
  | { readonly kind: 'one'; readonly params: Params }
  | { readonly kind: 'certify'; readonly evaluation: Evaluation; readonly tolerance: number; readonly searchSize: number };

export type SearchReply =
  | { readonly kind: 'evaluations'; readonly evaluations: Evaluation[]; readonly stopped: boolean }
  | { readonly kind: 'certificate'; readonly certificate: Certificate | null }
  | { readonly kind: 'error'; readonly message: string; readonly input: boolean };

export interface SearchJob {
  readonly file: string;
  readonly exportName: string;
  readonly budget: number;
  readonly seed: number;
  readonly tolerance: number;
  readonly timeLimitSeconds?: number;
  readonly reportFile?: string;
  readonly recordTime?: boolean;
  /** Points of the random stage asked for at once. */
  readonly batchSize: number;
  /** Evaluations already made (a sharded search's partial results): looked up, not evaluated again. */
  readonly known?: readonly Evaluation[];
}

export type SearchThreadMessage =
  | { readonly kind: 'loaded' }
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'report'; readonly report: Report }
  | { readonly kind: 'error'; readonly message: string; readonly input: boolean };

interface SearchThread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly counter: Int32Array;
}


/** The search thread outlived its time limit: one line, exit 4 (incomplete), no report. */
export class SearchOverran extends Error {}

/** Runs searches on search threads (at most `threads` at once), their evaluations on `pool`. */
export class SearchSupervisor {
  private readonly idle: SearchThread[] = [];
  private readonly waiting: Array<(thread: SearchThread) => void> = [];
  private started = 0;

  constructor(
    private readonly pool: EvaluatorPool,
    private readonly threads: number,
    private readonly typescript: boolean,
  ) {}

  /** Searches `job` on the next free search thread; `onStart` is called when it gets one (its wait ends). */
  async search(job: SearchJob, onProgress?: (done: number, total: number) => void, onStart?: () => void): Promise<Report> {
    const thread = await this.acquire();
    onStart?.();
    let healthy = true;
    try {
      return await this.runOn(thread, job, onProgress);
    } catch (error) {
      if (error instanceof SearchOverran) healthy = false;
      throw error;
    } finally {
      if (healthy) this.release(thread);
      else {
        void thread.worker.terminate();
        this.started--;
        this.release(undefined);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((t) => t.worker.terminate()));
    await this.pool.close();
  }

  private acquire(): Promise<SearchThread> {
    const thread = this.idle.pop();
    if (thread) return Promise.resolve(thread);
    if (this.started < this.threads) {
      this.started++;
      return Promise.resolve(this.spawn());
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(thread: SearchThread | undefined): void {
    const next = this.waiting.shift();
    if (!next) {
      if (thread) this.idle.push(thread);
      return;
    }
    if (thread) next(thread);
    else {
      this.started++;
      next(this.spawn());
    }
  }

  private spawn(): SearchThread {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    const worker = moduleWorker(siblingModule(import.meta.url, 'searchWorker'), { port: port2, shared }, {
      typescript: this.typescript,
      transferList: [port2],
    });
    return { worker, port: port1, counter: new Int32Array(shared) };
  }

  private runOn(thread: SearchThread, job: SearchJob, onProgress?: (done: number, total: number) => void): Promise<Report> {
    const id = this.pool.newJob();
    let stopped = false;
    let loaded = false;
    const timers: NodeJS.Timeout[] = [];
    return new Promise<Report>((resolve, reject) => {
      const reply = (message: SearchReply): void => {
        thread.port.postMessage(message);
        Atomics.add(thread.counter, 0, 1);
        Atomics.notify(thread.counter, 0);
      };
      const evaluate = async (points: readonly Params[]): Promise<SearchReply> => {
        const result = await this.pool.evaluatePoints(id, job, points);
        return result.kind === 'error' ? result : { kind: 'evaluations', evaluations: result.evaluations, stopped: stopped || result.cancelled };
      };
      const certify = async (request: Extract<SearchRequest, { kind: 'certify' }>): Promise<SearchReply> => {
        const { tolerance } = request;
        const outcome = await this.pool.run(id, { ...request, file: job.file, exportName: job.exportName });
        if (outcome.kind === 'error') return outcome;
        if (outcome.kind === 'certificate') return { kind: 'certificate', certificate: outcome.certificate };
        if (outcome.kind === 'cancelled' || outcome.kind === 'interrupted' || outcome.kind === 'loaded') return { kind: 'certificate', certificate: null };
        const limit = outcome.kind === 'timeout' ? `its time limit (${this.pool.limits.timeoutSeconds} s)` : 'its memory limit';
        return {
          kind: 'certificate',
          certificate: { status: 'inconclusive', method: 'high-precision replay', tolerance, replays: [], reason: `the certification was stopped at ${limit}` },
        };
      };
      const onRequest = (request: SearchRequest): void => {
        if (stopped && request.kind !== 'certify') return reply({ kind: 'evaluations', evaluations: [], stopped: true });
        if (stopped) return reply({ kind: 'certificate', certificate: null });
        const answer = request.kind === 'batch' ? evaluate(request.points) : request.kind === 'one' ? evaluate([request.params]) : certify(request);
        answer.then(reply, (error: Error) => reply({ kind: 'error', message: error.message, input: false }));
      };
      const onMessage = (message: SearchThreadMessage): void => {
        if (message.kind === 'loaded') {
          loaded = true;
          // Loaded after its time limit: the grace to stop runs from now, not from the limit.
          if (stopped) stopWithin(STOP_GRACE_MS);
          return;
        }
        if (message.kind === 'progress') return onProgress?.(message.done, message.total);
        done();
        if (message.kind === 'report') resolve(message.report);
        else reject(message.input ? new InputError(message.message) : new Error(message.message));
      };
      const onError = (error: Error): void => {
        done();
        reject(error);
      };
      let overrunTimer: NodeJS.Timeout | undefined;
      /** After its time limit, the search thread has `ms` to report; then it is given up (no report). */
      const stopWithin = (ms: number): void => {
        clearTimeout(overrunTimer);
        overrunTimer = setTimeout(() => {
          done();
          reject(new SearchOverran(`the search of ${job.file} did not end within ${STOP_GRACE_MS / 1000} s of its time limit (or of loading its claim file, when that ended later; its own code in the search thread does not return); no report written`));
        }, ms);
        timers.push(overrunTimer);
      };
      const done = (): void => {
        timers.forEach(clearTimeout);
        thread.port.off('message', onRequest);
        thread.worker.off('message', onMessage);
        thread.worker.off('error', onError);
      };
      thread.port.on('message', onRequest);
      thread.worker.on('message', onMessage);
      thread.worker.on('error', onError);
      if (job.timeLimitSeconds !== undefined) {
        timers.push(
          setTimeout(() => {
            stopped = true;
            this.pool.cancel(id);
            // A claim file still loading gets its load allowance; once loaded, the grace (onMessage).
            stopWithin(loaded ? STOP_GRACE_MS : LOAD_ALLOWANCE_MS + STOP_GRACE_MS);
          }, job.timeLimitSeconds * 1000),
        );
      }
      thread.worker.postMessage(job);
    });
  }
}

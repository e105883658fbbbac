// The JavaScript side of a run: Python buffers what it does as numeric ops (engine/python/ops.py)
// and this host applies them, in order, to the schedulers and the recorder once per loop
// iteration, reading Python's list straight from the wasm heap (engine/python/pylist.ts); the
// iteration's handles go the other way, written into Python's buffer (ops.py's Batch).
// Python reaches the host only through the run's channel (channel.ts): a command to apply the
// ops, make a loop or run one. Python holds no JavaScript object; the host holds proxies of
// Python's (the Run's methods), so every loop iteration is one call from JavaScript into Python.

import {
  END_KINDS,
  type ActorId,
  type EndKind,
  type Outcome,
  type RunEnd,
  type RunOptions,
  type WaitKind,
} from '../../common/trace';
import { Clock } from '../core/clock';
import { TraceRecorder } from '../core/recorder';
import { Scheduler, type LoopHost, type RunOnceResult, type ScheduledCallback } from '../core/scheduler';
import { BatchSlicing } from './batching';
import { CaptureDecoder } from './capture-ops';
import { Command, type ChannelTarget } from './channel';
import { listLength, readList, type Heap, type ListReader } from './pylist';
import { WarningOps } from './warning-ops';

/** Op codes: must match engine/python/ops.py. */
const enum Op {
  SOON = 1,
  AT,
  CANCEL,
  END,
  WAIT,
  EXIT,
  OUT,
  ACTOR,
  BLOCK,
  STOP,
  CLOCK,
  IO,
  SENT,
  JOB,
  WARN,
  BLOCKING,
  /** The run's stages (TOP..RUN_END) begin no step, nor does any op >= TOP. */
  TOP,
  RESUME,
  MAIN,
  SPLIT,
  MAIN_END,
  RUN_END,
  // Then the task state ops (capture-ops.ts's CaptureOp): >= TOP, so they begin no step either.
}

const WAIT_KINDS: WaitKind[] = [
  'timer',
  'task',
  'future',
  'lock',
  'queue',
  'event',
  'semaphore',
  'condition',
  'barrier',
  'io',
  'other',
];
const OUTCOMES: Outcome['kind'][] = ['result', 'exception', 'cancelled'];

/** The Pyodide proxies the host uses; typed by what is called on them. */
interface PyCallable<A extends unknown[], R> {
  (...args: A): R;
  destroy(): void;
}
interface PyList {
  length: number;
  toJs(): string[];
  destroy(): void;
}
interface PyTuple {
  toJs(): number[];
  destroy(): void;
}

/** The Python Run (engine/python/runtime.py) as a proxy: what attach() takes from it. */
export interface PyRun {
  run_batch: PyCallable<[number, number, number, number], number>;
  take_clock: PyCallable<[number, number], void>;
  select_io: PyCallable<[number, number, number, number], number>;
  process_io: PyCallable<[number, number, number], number>;
  ops: { addresses(): PyTuple; strs: PyList; destroy(): void };
  batch: { grow: PyCallable<[number], number>; location(): PyTuple; destroy(): void };
  destroy(): void;
}

/** A loop run's outcome as the channel answers it: must match channel.py's LOOP_STATUS. */
const LOOP_STATUS: (RunOnceResult | 'interrupted')[] = [
  'ok',
  'deadlock',
  'capTime',
  'capSteps',
  'aborted',
  'interrupted',
];
const END_KIND_NAMES = new Set<string>(END_KINDS);

/** d[from .. from+n) as a plain array (a loop: subarray() allocates a view per call). */
function numbers(d: Float64Array, from: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = d[from + k];
  return out;
}

/** A step keeps its first this many lines: engine/python/lines.py's MAX_LINES_RECORDED. */
const MAX_LINES_RECORDED = 1000;

/**
 * A step's raw lines d[from .. from+n) as the trace keeps them: repeats folded, capped. A task
 * in a loop runs the same lines step after step, so an actor's previous array is reused when
 * equal: one array instead of one per step (traces are immutable once recorded).
 */
function stepLines(d: Float64Array, from: number, n: number, prev: number[] | undefined): number[] {
  const out: number[] = [];
  let last = -1;
  for (let k = from; k < from + n && out.length < MAX_LINES_RECORDED; k++) {
    const line = d[k];
    if (line !== last) out.push((last = line));
  }
  if (prev === undefined || prev.length !== out.length) return out;
  for (let k = 0; k < out.length; k++) if (prev[k] !== out[k]) return out;
  return prev;
}

/** What the engine process may ask to hear about a run (engine.run's fourth argument). */
export interface RunHooks {
  /**
   * At step boundaries seen from JavaScript: after each loop iteration's batch of callbacks,
   * and when the top level starts, resumes or splits. `steps` is the trace's step count so far.
   */
  onStep?(steps: number): void;
  /** Whether the host has interrupted Python (its interrupt buffer) since the run began. */
  interrupted?(): boolean;
  /**
   * The run reached its end step: what follows (the engine's own clean-up and putting the heap
   * back, which grow with the run) is no step of the program's, so no step budget applies.
   */
  onEnd?(): void;
  /** A wall clock in ms: it sizes the slices a loop iteration runs in (batching.ts), nothing else. */
  wallMs?(): number;
}

type Status = 'ok' | 'aborted' | 'capSteps';
const BATCH_STATUS: Status[] = ['ok', 'aborted', 'capSteps'];

/** A Python exception that crossed into JavaScript (Pyodide's PythonError). */
function pythonErrorType(e: unknown): string | null {
  return e instanceof Error && e.name === 'PythonError' ? String((e as { type?: unknown }).type) : null;
}

export class RunHost implements ChannelTarget {
  readonly clock = new Clock();
  readonly recorder: TraceRecorder;
  private readonly warnings: WarningOps;
  private readonly schedulers: Scheduler[] = [];
  private readonly strings: string[] = [];
  private readonly capture: CaptureDecoder;
  /** Each actor's last step lines (stepLines reuses them), by actor id. */
  private readonly lastLines: number[][] = [];
  private runBatchPy: PyCallable<[number, number, number, number], number> | null = null;
  private growBatchPy: PyCallable<[number], number> | null = null;
  private opsPy: PyRun['ops'] | null = null;
  private batchPy: PyRun['batch'] | null = null;
  /** Where ops.py's Batch buffer is, and how many pairs it holds. */
  private batchAt = 0;
  private batchCapacity = 0;
  private takeClockPy: PyCallable<[number, number], void> | null = null;
  private selectPy: PyCallable<[number, number, number, number], number> | null = null;
  private processPy: PyCallable<[number, number, number], number> | null = null;
  /** Where ops.py's list of ops is, and the int and float types its items have. */
  private ops: ListReader = { list: 0, intType: 0, floatType: 0 };
  /** ops.py's list of strings not yet sent. */
  private strsAt = 0;
  private strs: PyList | null = null;
  private scratch: Float64Array = new Float64Array(4096);
  /** The batch Python is running (a step begins with its first op, ops.py), and where in it. */
  private batch: ScheduledCallback[] | null = null;
  private batchNext = 0;
  private stepOpen = false;
  private readonly slicing: BatchSlicing;
  private running: Scheduler | null = null;
  /** The id of the loop running now (its scheduler is `running`). */
  private runningId = 0;
  /** The loops running now, nested (only a program that writes to the channel nests one twice). */
  private readonly driving = new Set<number>();
  private mainActorId = 0;
  result: RunEnd | null = null;
  /** Why the channel failed, if it did: the run ends with it, whatever Python says after. */
  fault: string | null = null;

  private readonly loopHost: LoopHost = {
    runBatch: (batch: ScheduledCallback[]): Status => {
      this.batch = batch;
      this.batchNext = 0;
      this.slicing.start();
      try {
        // In slices, with a step boundary for the watchdog after each: 1,000 clients make a
        // batch of 1,000 short steps, which is no runaway (batching.ts says why it is the same run).
        for (let from = 0; from < batch.length;) {
          const n = this.slicing.next(batch.length - from);
          const status = BATCH_STATUS[this.runSlice(batch, from, n)];
          this.slicing.ran(n);
          from += n;
          this.hooks.onStep?.(this.recorder.stepCount);
          if (status !== 'ok') return status;
        }
        return 'ok';
      } finally {
        this.batch = null;
      }
    },
    selectIO: (deadline: number): number =>
      this.selectPy!(this.runningId, this.clock.peek(), this.clock.lastReading(), deadline),
    processIO: (): 'ok' | 'aborted' => {
      const status = this.processPy!(this.runningId, this.clock.peek(), this.clock.lastReading());
      this.applyOps();
      return status === 0 ? 'ok' : 'aborted';
    },
  };

  constructor(
    private readonly options: RunOptions,
    private readonly hooks: RunHooks = {},
    /** Pyodide's heap views now (new views after the wasm memory grows). */
    private readonly heap: () => Heap = () => ({ HEAPU32: new Uint32Array(0), HEAPF64: new Float64Array(0) }),
  ) {
    this.recorder = new TraceRecorder(
      this.clock,
      options.maxSteps,
      options.capture !== false,
      options.maxOutputBytes,
    );
    this.capture = new CaptureDecoder(this.recorder.events, this.strings);
    this.slicing = new BatchSlicing(hooks.wallMs);
    this.warnings = new WarningOps(this.recorder);
  }

  /** Takes what the host calls from the run's Python side (its proxies are the host's to drop). */
  attach(run: PyRun): void {
    this.runBatchPy = run.run_batch;
    this.takeClockPy = run.take_clock;
    this.selectPy = run.select_io;
    this.processPy = run.process_io;
    // Attribute proxies are borrowed from their owner's: dispose() drops these last.
    const ops = (this.opsPy = run.ops);
    const batch = (this.batchPy = run.batch);
    const [list, intType, floatType, strsAt] = this.tupleNumbers(ops.addresses());
    this.ops = { list, intType, floatType };
    this.strsAt = strsAt;
    this.strs = ops.strs;
    [this.batchAt, this.batchCapacity] = this.tupleNumbers(batch.location());
    this.growBatchPy = batch.grow;
  }

  private tupleNumbers(t: PyTuple): number[] {
    try {
      return t.toJs();
    } finally {
      t.destroy();
    }
  }

  /**
   * A command on the run's channel (channel.ts). Any failure (an op or command that makes no
   * sense, a fault in the host) is kept as the run's fault and rethrown: the channel refuses
   * everything after it, so the run ends with that error whatever the program does next.
   */
  command(command: number, arg: number): number {
    if (this.fault !== null) throw new Error(this.fault);
    try {
      switch (command) {
        case Command.FLUSH:
          this.applyOps();
          return 0;
        case Command.LOOP:
          return this.newLoop();
        case Command.ONCE:
        case Command.FOREVER:
          if (arg < 0) throw new Error('a loop command without its loop');
          if (arg >= this.schedulers.length) throw new Error(`no loop ${arg}`);
          if (this.driving.has(arg)) throw new Error(`loop ${arg} is already running`);
          try {
            return LOOP_STATUS.indexOf(this.drive(arg, command === Command.ONCE));
          } catch (e) {
            // The watchdog's KeyboardInterrupt outside the program's own code: Python raises it.
            if (pythonErrorType(e) === 'KeyboardInterrupt') return LOOP_STATUS.indexOf('interrupted');
            throw e;
          }
        case Command.INTERRUPTED:
          return this.interrupted() ? 1 : 0;
        default:
          // Not the engine's write: what the program did before it (its output) stays in its trace.
          this.keepPendingOps();
          throw new Error(`unknown command ${command}`);
      }
    } catch (e) {
      const reason = e instanceof Error ? e.message.trim().split('\n').at(-1) : String(e);
      this.fault = `the run's channel to the engine failed (${reason}): a program that writes to it ends its own run`;
      throw e;
    }
  }

  /** Runs batch[from .. from+n) in Python and applies its ops; returns run_batch's status. */
  private runSlice(batch: ScheduledCallback[], from: number, n: number): number {
    if (n > this.batchCapacity) {
      const capacity = Math.max(n, 2 * this.batchCapacity);
      this.batchAt = this.growBatchPy!(capacity);
      this.batchCapacity = capacity;
    }
    // The (handle, actor) pairs go straight into Python's buffer (ops.py's Batch).
    const u32 = this.heap().HEAPU32;
    for (let i = from, at = this.batchAt >> 2; i < from + n; i++, at += 2) {
      u32[at] = batch[i].handle;
      u32[at + 1] = batch[i].actor;
    }
    const status = this.runBatchPy!(n, this.clock.peek(), this.clock.lastReading(), this.recorder.stepBudget);
    this.applyOps();
    return status;
  }

  private keepPendingOps(): void {
    try {
      this.applyOps();
    } catch {
      // The op buffer is spoilt too: the command's error says enough.
    }
  }

  private applyOps(): void {
    const heap = this.heap();
    if (listLength(heap, this.strsAt) > 0) for (const s of this.strs!.toJs()) this.strings.push(s);
    this.scratch = readList(heap, this.ops, this.scratch);
    this.decode(this.scratch.subarray(0, listLength(heap, this.ops.list)));
  }

  /**
   * The batch's next handle not cancelled meanwhile begins its step (Python skips the rest).
   * After the last one there is none: what comes then (a finalizer that prints when run_batch
   * lets go of the last task) stays with the step that just ended.
   */
  private beginStep(): void {
    const batch = this.batch!;
    while (this.batchNext < batch.length && batch[this.batchNext].cancelled) this.batchNext++;
    if (this.batchNext === batch.length) return;
    const cb = batch[this.batchNext++];
    this.running?.started(cb.handle);
    this.recorder.beginRun(cb.actor);
    this.stepOpen = true;
  }

  private decode(d: Float64Array): void {
    const rec = this.recorder;
    const str = this.strings;
    let i = 0;
    while (i < d.length) {
      const op = d[i] as Op;
      // WAIT and EXIT follow their step's END (what the task waits on now, how it ended).
      if (
        this.batch !== null &&
        !this.stepOpen &&
        op !== Op.WAIT &&
        op !== Op.EXIT &&
        op !== Op.CLOCK &&
        op !== Op.IO &&
        op < Op.TOP
      )
        this.beginStep();
      switch (op) {
        case Op.SOON:
          this.schedulers[d[i + 1]].callSoon(d[i + 2], d[i + 3]);
          i += 4;
          break;
        case Op.AT:
          this.schedulers[d[i + 1]].callAt(d[i + 4], d[i + 2], d[i + 3], d[i + 5]);
          i += 6;
          break;
        case Op.CANCEL:
          this.schedulers[d[i + 1]].cancel(d[i + 2]);
          i += 3;
          break;
        case Op.END: {
          const actor = d[i + 1];
          const lines = stepLines(d, i + 3, d[i + 2], this.lastLines[actor]);
          this.lastLines[actor] = lines;
          rec.stepEnd(actor, lines);
          this.warnings.stepEnded(actor, this.running?.timers ?? []);
          this.stepOpen = false;
          i += 3 + d[i + 2];
          break;
        }
        case Op.WAIT: {
          const n = d[i + 6];
          const targets = numbers(d, i + 7, n);
          const resource = this.capture.takeWaitResource();
          rec.waiting(d[i + 1], WAIT_KINDS[d[i + 2]], str[d[i + 3]], d[i + 4], d[i + 5], targets, resource);
          i += 7 + n;
          break;
        }
        case Op.EXIT:
          rec.exited(d[i + 1], OUTCOMES[d[i + 2]], str[d[i + 3]], d[i + 4] >= 0 ? str[d[i + 4]] : '');
          i += 5;
          break;
        case Op.OUT:
          rec.output(d[i + 1] === 0 ? 'stdout' : 'stderr', str[d[i + 2]]);
          i += 3;
          break;
        case Op.ACTOR:
          rec.actor(
            d[i + 1],
            d[i + 2] === 0 ? 'task' : 'callback',
            str[d[i + 3]],
            str[d[i + 4]],
            d[i + 5] === 1,
            d[i + 6],
            d[i + 7],
            d[i + 8],
          );
          i += 9;
          break;
        case Op.BLOCK:
          this.clock.jump(d[i + 2]);
          rec.blocked(d[i + 1], d[i + 2]);
          this.warnings.blocked(d[i + 1], d[i + 2], this.batch !== null);
          i += 3;
          break;
        case Op.STOP:
          this.schedulers[d[i + 1]].stop();
          i += 2;
          break;
        case Op.CLOCK:
          this.clock.sync(d[i + 1], d[i + 2]);
          i += 3;
          break;
        case Op.IO:
          this.schedulers[d[i + 1]].io = d[i + 2] === 1;
          i += 3;
          break;
        case Op.TOP:
          this.recorder.topLines(str[d[i + 1]]);
          i += 2;
          break;
        case Op.RESUME:
          this.resumeTop();
          i += 1;
          break;
        case Op.MAIN:
          this.startMain(d[i + 1]);
          i += 2;
          break;
        case Op.SPLIT:
          this.splitMain(str[d[i + 1]]);
          i += 2;
          break;
        case Op.MAIN_END:
          this.endMain(str[d[i + 1]], d[i + 2] === 1 ? 'exception' : 'result', str[d[i + 3]], str[d[i + 4]]);
          i += 5;
          break;
        case Op.RUN_END: {
          const kind = str[d[i + 1]];
          if (!END_KIND_NAMES.has(kind)) throw new Error(`unknown end ${kind}`);
          this.end(kind as EndKind, str[d[i + 2]], d[i + 3], d[i + 4], d[i + 5], str[d[i + 6]]);
          i += 7;
          break;
        }
        case Op.SENT:
          rec.bytesSent(str[d[i + 1]], str[d[i + 2]], d[i + 3], d[i + 4], d[i + 5]);
          i += 6;
          break;
        case Op.JOB:
          rec.threadJob(str[d[i + 1]], str[d[i + 2]], d[i + 3], d[i + 4]);
          i += 5;
          break;
        case Op.WARN:
          this.warnings.warn(d[i + 1], d[i + 2], d[i + 3], str[d[i + 4]]);
          i += 5;
          break;
        case Op.BLOCKING:
          this.warnings.blocking(d[i + 1], str[d[i + 2]]);
          i += 3;
          break;
        default:
          if (op <= Op.RUN_END) throw new Error(`unknown op ${d[i]} at ${i}`);
          i = this.capture.decode(d, i);
      }
    }
  }

  /** Python asks when a KeyboardInterrupt ends a loop run: was it the host's watchdog? */
  private interrupted(): boolean {
    return this.hooks.interrupted?.() ?? false;
  }

  /** After the run: drops the proxies of Python's objects (before the heap is restored). */
  dispose(): void {
    for (const p of [
      this.runBatchPy,
      this.takeClockPy,
      this.selectPy,
      this.processPy,
      this.growBatchPy,
      this.strs,
      this.opsPy,
      this.batchPy,
    ])
      p?.destroy();
    this.opsPy = this.batchPy = null;
    this.runBatchPy = this.takeClockPy = null;
    this.selectPy = null;
    this.processPy = null;
    this.growBatchPy = null;
    this.strs = null;
  }

  private newLoop(): number {
    this.schedulers.push(new Scheduler(this.clock, this.recorder, this.options.maxTime));
    return this.schedulers.length - 1;
  }

  private drive(lid: number, once: boolean): RunOnceResult {
    const s = this.schedulers[lid];
    const outer = this.running;
    const outerId = this.runningId;
    this.running = s;
    this.runningId = lid;
    this.driving.add(lid);
    try {
      return once ? s.runOnce(this.loopHost) : s.runForever(this.loopHost);
    } finally {
      this.driving.delete(lid);
      this.running = outer;
      this.runningId = outerId;
      this.takeClockPy!(this.clock.peek(), this.clock.lastReading());
    }
  }

  private resumeTop(): void {
    this.recorder.resumeTop();
    this.hooks.onStep?.(this.recorder.stepCount);
  }

  private startMain(actor: ActorId): void {
    this.mainActorId = actor;
    this.recorder.startMain(actor);
    this.hooks.onStep?.(this.recorder.stepCount);
  }

  private splitMain(lines: string): void {
    this.recorder.splitMain(this.mainActorId, lines);
    this.hooks.onStep?.(this.recorder.stepCount);
  }

  private endMain(lines: string, kind: 'result' | 'exception', repr: string, traceback: string): void {
    const outcome: Outcome = kind === 'exception' ? { kind, repr, traceback } : { kind: 'result', repr };
    this.recorder.endMain(this.mainActorId, lines, outcome);
  }

  /**
   * A fault found once the program is done (its channel closed or replaced on the way out, by a
   * finalizer say): the run's end becomes the fault's, and the trace keeps its one end step.
   */
  fail(message: string): void {
    if (this.result === null) this.end('internalError', message, 70, 0, 0, '');
    else this.result = { kind: 'internalError', message, exitCode: 70 };
  }

  end(kind: EndKind, message: string, exitCode: number, line: number, column: number, option: string): void {
    this.result = this.recorder.finish(kind, message, exitCode, line, column, option);
    this.hooks.onEnd?.();
  }
}

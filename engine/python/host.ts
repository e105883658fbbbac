// The JavaScript side of a run: Python buffers what it does as numeric ops (engine/python/ops.py)
// and this host reads Python's list straight from the wasm heap once per loop iteration
// (engine/python/pylist.ts) for OpDecoder (op-decoder.ts) to apply in order; the
// iteration's handles go the other way, written into Python's buffer (ops.py's Batch).
// Python reaches the host only through the run's channel (channel.ts): a command to apply the
// ops, make a loop or run one. Python holds no JavaScript object; the host holds proxies of
// Python's (the Run's methods), so every loop iteration is one call from JavaScript into Python.

import type { RunEnd, RunOptions } from '../../common/trace';
import { Clock } from '../core/clock';
import { TraceRecorder } from '../core/recorder';
import { internalErrorEnd, type EndReport } from '../core/run-ends';
import { Scheduler, type LoopHost, type RunOnceResult, type ScheduledCallback } from '../core/scheduler';
import { BatchSlicing } from './batching';
import { Command, type ChannelTarget } from './channel';
import { OpDecoder } from './op-decoder';
import type { PyCallable, PyList, PyRun, PyTuple } from './py-run';
import { listLength, readList, type Heap, type ListReader } from './pylist';
import type { RunHooks } from './run-hooks';

export type { PyRun };

/** A loop run's outcome as the channel answers it: must match channel.py's LOOP_STATUS. */
const LOOP_STATUS: (RunOnceResult | 'interrupted')[] = [
  'ok',
  'deadlock',
  'capTime',
  'capSteps',
  'aborted',
  'interrupted',
];

type Status = 'ok' | 'aborted' | 'capSteps';
const BATCH_STATUS: Status[] = ['ok', 'aborted', 'capSteps'];

/** A Python exception that crossed into JavaScript (Pyodide's PythonError). */
function pythonErrorType(e: unknown): string | null {
  return e instanceof Error && e.name === 'PythonError' ? String((e as { type?: unknown }).type) : null;
}

export class RunHost implements ChannelTarget {
  readonly clock = new Clock();
  readonly recorder: TraceRecorder;
  private readonly schedulers: Scheduler[] = [];
  private readonly strings: string[] = [];
  private readonly decoder: OpDecoder;
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
  /** The id of the loop running now (its scheduler is the decoder's `running`). */
  private runningId = 0;
  private readonly slicing: BatchSlicing;
  /** The loops running now, nested (only a program that writes to the channel nests one twice). */
  private readonly driving = new Set<number>();
  result: RunEnd | null = null;
  /** Why the channel failed, if it did: the run ends with it, whatever Python says after. */
  fault: string | null = null;

  private readonly loopHost: LoopHost = {
    runBatch: (batch: ScheduledCallback[]): Status => {
      this.decoder.runningBatch(batch);
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
        this.decoder.runningBatch(null);
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
    this.slicing = new BatchSlicing(hooks.wallMs);
    this.decoder = new OpDecoder(
      this.recorder,
      this.clock,
      this.schedulers,
      this.strings,
      (steps) => this.hooks.onStep?.(steps),
      (report) => this.end(report),
    );
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
    this.decoder.decode(this.scratch.subarray(0, listLength(heap, this.ops.list)));
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
    const outer = this.decoder.running;
    const outerId = this.runningId;
    this.decoder.running = s;
    this.runningId = lid;
    this.driving.add(lid);
    try {
      return once ? s.runOnce(this.loopHost) : s.runForever(this.loopHost);
    } finally {
      this.driving.delete(lid);
      this.decoder.running = outer;
      this.runningId = outerId;
      this.takeClockPy!(this.clock.peek(), this.clock.lastReading());
    }
  }

  /**
   * A fault found once the program is done (its channel closed or replaced on the way out, by a
   * finalizer say): the run's end becomes the fault's, and the trace keeps its one end step.
   */
  fail(message: string): void {
    if (this.result === null) this.end({ kind: 'internalError', message });
    else this.result = internalErrorEnd(message);
  }

  end(report: EndReport): void {
    this.result = this.recorder.finish(report);
    this.hooks.onEnd?.();
  }
}

// Applies the ops Python wrote (engine/python/ops.py), in order, to the schedulers and the
// recorder: the op codes and what each carries, where a step begins and ends, and the run's
// stages (the top level, a program without asyncio's main, the run's end). RunHost (host.ts)
// reads the op buffer from the wasm heap and hands it here once per loop iteration.

import type { ActorId, Outcome, WaitKind } from '../../common/trace';
import type { Clock } from '../core/clock';
import type { TraceRecorder } from '../core/recorder';
import type { EndReport } from '../core/run-ends';
import type { Scheduler, ScheduledCallback } from '../core/scheduler';
import { CaptureDecoder } from './capture-ops';
import { endReportOf } from './end-record';
import { numbers, stepLines } from './step-lines';
import { WarningOps } from './warning-ops';

/** Op codes: must match engine/python/ops.py (tests/unit/op-tables.test.ts checks). */
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

export class OpDecoder {
  private readonly warnings: WarningOps;
  private readonly capture: CaptureDecoder;
  /** Each actor's last step lines (stepLines reuses them), by actor id. */
  private readonly lastLines: number[][] = [];
  /** The batch Python is running (a step begins with its first op, ops.py), and where in it. */
  private batch: ScheduledCallback[] | null = null;
  private batchNext = 0;
  private stepOpen = false;
  /** The loop running now, if any. */
  running: Scheduler | null = null;
  private mainActorId = 0;

  constructor(
    private readonly recorder: TraceRecorder,
    private readonly clock: Clock,
    /** The run's loops by id (RunHost makes them). */
    private readonly schedulers: Scheduler[],
    /** The run's string table: ops name strings by index. */
    private readonly strings: string[],
    private readonly onStep: (steps: number) => void,
    private readonly end: (report: EndReport) => void,
  ) {
    this.capture = new CaptureDecoder(this.recorder.events, this.strings);
    this.warnings = new WarningOps(this.recorder);
  }

  /** Python is about to run this loop iteration's handles (null: it ran them). */
  runningBatch(batch: ScheduledCallback[] | null): void {
    this.batch = batch;
    this.batchNext = 0;
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

  decode(d: Float64Array): void {
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
        case Op.RUN_END:
          this.end(endReportOf(str[d[i + 1]]));
          i += 2;
          break;
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

  private resumeTop(): void {
    this.recorder.resumeTop();
    this.onStep(this.recorder.stepCount);
  }

  private startMain(actor: ActorId): void {
    this.mainActorId = actor;
    this.recorder.startMain(actor);
    this.onStep(this.recorder.stepCount);
  }

  private splitMain(lines: string): void {
    this.recorder.splitMain(this.mainActorId, lines);
    this.onStep(this.recorder.stepCount);
  }

  private endMain(lines: string, kind: 'result' | 'exception', repr: string, traceback: string): void {
    const outcome: Outcome = kind === 'exception' ? { kind, repr, traceback } : { kind: 'result', repr };
    this.recorder.endMain(this.mainActorId, lines, outcome);
  }
}

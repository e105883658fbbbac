// Builds the trace (common/trace.ts) as the run goes: the scheduler reports scheduling as a
// LoopObserver, the Python side reports what ran, printed and waits on. Append-only: nothing
// is rewritten, so a step's events are exactly those appended between it and the next step.
// Events that carry nothing but their actor (and a step's lines, when they repeat) are one
// shared object per actor, and waits in a row on the same thing share a reason (wait-reasons.ts):
// a trace is never mutated once recorded (output text is merged only into the step being
// recorded), and a loop of 100,000 steps then allocates a step apiece.

import type { Actor, ActorId, Outcome, RunEnd, Step, TraceEvent, WaitKind } from '../../common/trace';
import { describeCycle, findWaitCycle, foldWaitGraph } from '../../common/waitGraph';
import type { Clock } from './clock';
import { runEnd, type EndReport } from './run-ends';
import { OutputCut } from './output-cut';
import { WaitReasons } from './wait-reasons';
import type { LoopObserver, ScheduledCallback } from './scheduler';

function parseLines(csv: string): number[] {
  if (csv === '') return [];
  const parts = csv.split(',');
  const lines: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (lines.length === 0 || lines[lines.length - 1] !== n) lines.push(n);
  }
  return lines;
}

export class TraceRecorder implements LoopObserver {
  readonly actors: Actor[] = [];
  readonly steps: Step[] = [];
  readonly events: TraceEvent[] = [];
  private iteration = 0;
  /** The step that holds the program's top level now ('start' or 'main'), if any. */
  private topStep: Step | null;
  /** Each actor's shared events, by actor id. */
  private readonly scheduledEvent: TraceEvent[] = [];
  private readonly beforeEvent: TraceEvent[] = [];
  private readonly cancelledEvent: TraceEvent[] = [];
  private readonly afterEvent: { t: 'afterTaskStep'; actor: ActorId; lines: number[] }[] = [];
  private readonly reasons = new WaitReasons();
  /** Long output: its head kept as printed, its tail in a ring (output-cut.ts). */
  private readonly cut: OutputCut;
  private tailEvent: TraceEvent | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly maxSteps: number,
    /** Whether task state is recorded (RunOptions.capture): then a deadlock names its cycle. */
    private readonly capture = false,
    maxOutput: number = Number.POSITIVE_INFINITY,
  ) {
    this.topStep = this.pushStep({ kind: 'start', time: 0, iteration: 0, firstEvent: 0 });
    this.cut = new OutputCut(this.events, maxOutput);
  }

  private pushStep(step: Step): Step {
    this.steps.push(step);
    return step;
  }

  get stepCount(): number {
    return this.steps.length;
  }

  // -- the scheduler's side ---------------------------------------------------------------
  iterationStarted(): void {
    this.iteration++;
  }

  scheduled(cb: ScheduledCallback): void {
    this.events.push((this.scheduledEvent[cb.actor] ??= { t: 'taskScheduled', actor: cb.actor }));
  }

  timerArmed(cb: ScheduledCallback): void {
    this.events.push({ t: 'timerArmed', actor: cb.actor, deadline: cb.when });
  }

  cancelled(cb: ScheduledCallback): void {
    this.events.push((this.cancelledEvent[cb.actor] ??= { t: 'handleCancelled', actor: cb.actor }));
  }

  clockAdvanced(from: number, to: number): void {
    this.pushStep({ kind: 'clock', time: to, iteration: this.iteration, firstEvent: this.events.length });
    this.events.push({ t: 'clockAdvanced', from, to });
  }

  /** Steps left before the step cap. */
  get stepBudget(): number {
    return Math.max(0, this.maxSteps - this.steps.length);
  }

  beginRun(actor: ActorId): void {
    this.pushStep({
      kind: 'run',
      time: this.clock.peek(),
      actor,
      iteration: this.iteration,
      firstEvent: this.events.length,
    });
    this.events.push((this.beforeEvent[actor] ??= { t: 'beforeTaskStep', actor }));
  }

  // -- the Python side ----------------------------------------------------------------------
  actor(
    id: ActorId,
    kind: 'task' | 'callback',
    name: string,
    coro: string,
    internal: boolean,
    serves: ActorId,
    parent: ActorId,
    line: number,
  ): void {
    const a: Actor = { id, kind, name };
    if (coro) a.coro = coro;
    if (internal) a.internal = true;
    if (serves) a.serves = serves;
    if (parent) a.parent = parent;
    if (line) a.line = line;
    this.actors.push(a);
    if (kind === 'task') this.events.push({ t: 'taskSpawned', actor: id });
  }

  /** `lines` is the actor's previous array when they repeat (the host reuses it). */
  stepEnd(actor: ActorId, lines: number[]): void {
    let e = this.afterEvent[actor];
    if (e === undefined || e.lines !== lines)
      e = this.afterEvent[actor] = { t: 'afterTaskStep', actor, lines };
    this.events.push(e);
  }

  waiting(
    actor: ActorId,
    kind: WaitKind,
    expr: string,
    line: number,
    deadline: number,
    targets: ActorId[],
    resource = 0,
  ): void {
    const reason = this.reasons.reason(kind, expr, line, deadline, targets, resource);
    this.events.push({ t: 'taskWaiting', actor, reason });
  }

  exited(actor: ActorId, kind: Outcome['kind'], repr: string, traceback: string): void {
    const outcome: Outcome = kind === 'exception' ? { kind, repr, traceback } : { kind, repr };
    this.events.push({ t: 'taskExited', actor, outcome });
  }

  output(stream: 'stdout' | 'stderr', text: string): void {
    const last = this.events[this.events.length - 1];
    const inStep = this.events.length - 1 >= this.steps[this.steps.length - 1].firstEvent;
    if (!this.cut.full) {
      const { kept, rest } = this.cut.toHead(text);
      if (kept) {
        if (last && last.t === 'output' && last.stream === stream && inStep) last.text += kept;
        else this.events.push({ t: 'output', stream, text: kept });
      }
      if (!this.cut.full) return;
      this.cut.placeMarker();
      this.tailEvent = null;
      if (!rest) return;
      text = rest;
    }
    const tail = this.events[this.events.length - 1];
    if (
      tail !== this.tailEvent ||
      (tail as { stream?: string }).stream !== stream ||
      this.events.length - 1 < this.steps[this.steps.length - 1].firstEvent
    )
      this.tailEvent = this.cut.newTailEvent(stream);
    this.cut.toTail(this.events.length - 1, text);
  }

  /** A worker thread ran a job (engine/python/world/trail.py). */
  threadJob(thread: string, job: string, start: number, end: number): void {
    this.events.push({ t: 'threadJob', thread, job, start, end });
  }

  /** Bytes sent on the virtual network; a step's sends between the same endpoints that arrive
   * together are one event (a write the transport sends in pieces). */
  bytesSent(from: string, to: string, bytes: number, sent: number, arrives: number): void {
    const last = this.events[this.events.length - 1];
    const stepStart = this.steps[this.steps.length - 1].firstEvent;
    if (
      last &&
      last.t === 'bytesSent' &&
      this.events.length - 1 >= stepStart &&
      last.from === from &&
      last.to === to &&
      last.arrives === arrives
    ) {
      last.bytes += bytes;
      last.sent = Math.min(last.sent, sent);
    } else this.events.push({ t: 'bytesSent', from, to, bytes, sent, arrives });
  }

  /** Something a teacher would point at (engine/python/warning-ops.ts writes them). */
  warning(w: Extract<TraceEvent, { t: 'warning' }>): void {
    this.events.push(w);
  }

  /** A blocking call (time.sleep) moved the clock inside the current step. */
  blocked(from: number, to: number): void {
    this.events.push({ t: 'clockAdvanced', from, to });
  }

  /** The user lines the program's top level ran in the current 'start'/'main' step. */
  topLines(lines: string): void {
    if (this.topStep && lines) this.topStep.lines = [...(this.topStep.lines ?? []), ...parseLines(lines)];
  }

  /** A loop run returned to the program's top level. */
  resumeTop(): void {
    const last = this.steps[this.steps.length - 1];
    if (last.kind === 'main' && last.firstEvent === this.events.length) {
      this.topStep = last;
      return;
    }
    this.topStep = this.pushStep({
      kind: 'main',
      time: this.clock.peek(),
      iteration: this.iteration,
      firstEvent: this.events.length,
    });
  }

  /** A program without asyncio: its top level is one task, `actor`. */
  startMain(actor: ActorId): void {
    this.actor(actor, 'task', 'main', '<module>', false, 0, 0, 0);
    this.topStep = null;
    this.pushStep({ kind: 'run', time: 0, actor, iteration: 0, firstEvent: this.events.length });
    this.events.push({ t: 'beforeTaskStep', actor });
  }

  /** The main task blocked (time.sleep): its step ends, the next begins at the new time. */
  splitMain(actor: ActorId, lines: string): void {
    this.stepEnd(actor, parseLines(lines));
    this.pushStep({
      kind: 'run',
      time: this.clock.peek(),
      actor,
      iteration: 0,
      firstEvent: this.events.length,
    });
    this.events.push({ t: 'beforeTaskStep', actor });
  }

  endMain(actor: ActorId, lines: string, outcome: Outcome): void {
    this.stepEnd(actor, parseLines(lines));
    this.events.push({ t: 'taskExited', actor, outcome });
  }

  /** At a deadlock end: the cycle of waits, if the tasks wait in one (common/waitGraph.ts). */
  private deadlockCycle(): void {
    const g = foldWaitGraph(this.events);
    const cycle = findWaitCycle(g);
    if (cycle === null) return;
    const names = new Map(this.actors.map((a) => [a.id, a.name]));
    const message = `deadlock: ${describeCycle(g, cycle, (a) => names.get(a) ?? `#${a}`)}`;
    // Keys in trace.ts's order, so the binary transport carries the event by its schema.
    this.events.push({ t: 'warning', kind: 'deadlockCycle', message, actor: cycle[0].actor, cycle });
  }

  /** The end step, and the run's end as the report says it (run-ends.ts decides its exit status). */
  finish(report: EndReport): RunEnd {
    this.cut.finish();
    this.pushStep({
      kind: 'end',
      time: this.clock.peek(),
      iteration: this.iteration,
      firstEvent: this.events.length,
    });
    if (report.kind === 'deadlock' && this.capture) this.deadlockCycle();
    return runEnd(report);
  }
}

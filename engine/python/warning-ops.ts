// The warnings a run writes (engine/python/loop_warnings.py). A WARN op is a report CPython made
// (an exception never retrieved, a pending task destroyed, a coroutine never awaited): it becomes
// a `warning` event where it comes, the step whose code or finalizer made the report. A loop step
// whose callback blocked (BLOCK ops inside a step of a loop's batch) gets one `blockedLoop` warning
// as it ends: how long, which call blocked longest (the BLOCKING op before each BLOCK), and which
// armed timers of the running loop came due meanwhile, with how much later the block made them.

import { cpythonLabel } from '../../common/taskNames';
import type { Actor, ActorId, TraceEvent, WarningKind } from '../../common/trace';
import type { TraceRecorder } from '../core/recorder';
import type { ScheduledCallback } from '../core/scheduler';

/** Must match loop_warnings.py's WARNING_KINDS: WARN's kind code is an index here. */
export const WARNING_KINDS: WarningKind[] = [
  'blockedLoop',
  'neverAwaited',
  'exceptionNeverRetrieved',
  'pendingCollected',
  'deadlockCycle',
];

/** Timers a blockedLoop message names before it says "and N more". */
const NAMED_TIMERS = 3;

type Warning = Extract<TraceEvent, { t: 'warning' }>;

/** Seconds as the trace keeps times: to the clock's resolution (1e-9 s), no float noise. */
const toNs = (s: number): number => Math.round(s * 1e9) / 1e9;

export class WarningOps {
  /** The call and line the next BLOCK comes from (a BLOCKING op). */
  private nextCall = '';
  private nextLine = 0;
  /** The current step's blocking, if it blocked: from the first BLOCK's start to the last's end,
   * and its longest call. */
  private from = -1;
  private to = -1;
  private calls = 0;
  private longest = -1;
  private call = '';
  private line = 0;

  constructor(private readonly rec: TraceRecorder) {}

  /** A WARN op: kind code, actor (0: none), line (0: unknown), message. */
  warn(kind: number, actor: ActorId, line: number, message: string): void {
    const name = WARNING_KINDS[kind];
    if (name === undefined) throw new Error(`unknown warning kind ${kind}`);
    const w: Warning = { t: 'warning', kind: name, message };
    if (actor) w.actor = actor;
    if (line) w.line = line;
    this.rec.warning(w);
  }

  /** A BLOCKING op: the call the next BLOCK comes from. */
  blocking(line: number, call: string): void {
    this.nextLine = line;
    this.nextCall = call;
  }

  /** A BLOCK op; `inLoopStep`: inside a step of a loop's batch (else no loop was blocked). */
  blocked(from: number, to: number, inLoopStep: boolean): void {
    const call = this.nextCall;
    const line = this.nextLine;
    this.nextCall = '';
    this.nextLine = 0;
    if (!inLoopStep) return;
    if (this.calls === 0) {
      this.from = from;
      this.longest = -1;
    }
    if (to - from > this.longest) {
      this.longest = to - from;
      this.call = call;
      this.line = line;
    }
    this.to = to;
    this.calls++;
  }

  /** An END op: the step of `actor` is over; `timers` is the running loop's heap. */
  stepEnded(actor: ActorId, timers: readonly ScheduledCallback[]): void {
    if (this.calls === 0) return;
    const { from, to, calls } = this;
    this.calls = 0;
    const late = timers
      .filter((cb) => !cb.cancelled && cb.when < to && to - Math.max(cb.when, from) > 0)
      .sort((a, b) => a.when - b.when || a.reading - b.reading);
    const overdue = late.map((cb) => ({ actor: cb.actor, by: toNs(to - Math.max(cb.when, from)) }));
    const where = [this.call, this.line ? `at line ${this.line}` : ''].filter(Boolean).join(' ');
    const more = calls > 1 ? `, the longest of ${calls} blocking calls` : '';
    let message = `${this.nameOf(actor)} blocked the loop for ${(to - from).toFixed(3)} s`;
    if (where || more) message += ` (${where}${more})`;
    if (overdue.length > 0) {
      const named = overdue
        .slice(0, NAMED_TIMERS)
        .map((o) => `${this.timerName(o.actor)} is ${o.by.toFixed(3)} s late`);
      const rest = overdue.length - NAMED_TIMERS;
      message += `; ${named.join(', ')}${rest > 0 ? `, and ${rest} more timer${rest > 1 ? 's' : ''}` : ''}`;
    }
    const w: Warning = { t: 'warning', kind: 'blockedLoop', message, actor };
    if (this.line) w.line = this.line;
    if (overdue.length > 0) w.overdue = overdue;
    this.rec.warning(w);
  }

  private actor(id: ActorId): Actor | undefined {
    const actors = this.rec.actors;
    const a = actors[id - 1]; // ids are given from 1 in creation order
    return a?.id === id ? a : actors.find((x) => x.id === id);
  }

  /** A task's name, with its coroutine's when the name is asyncio's default: "Task-3 (report)". */
  private nameOf(id: ActorId): string {
    const a = this.actor(id);
    if (a === undefined) return `actor ${id}`;
    return cpythonLabel(a);
  }

  /** "the timer of worker" for a task's sleep, "timer on_tick" for a call_later callback. */
  private timerName(id: ActorId): string {
    const a = this.actor(id);
    if (a?.kind === 'callback' && a.serves) return `the timer of ${this.nameOf(a.serves)}`;
    return a?.kind === 'callback' ? `timer ${a.name}` : `the timer of ${this.nameOf(id)}`;
  }
}

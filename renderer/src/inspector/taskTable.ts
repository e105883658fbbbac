// The task table at a step, with tokio-console's columns: name, state, steps run, busy time
// (virtual time it held the loop: only a blocking call makes that more than 0), waiting time,
// time since woken, created by, location. Times are virtual seconds to the end of the step.
// Pure; the per-task sums are built once per trace (O(events)), so each step is binary searches.
import type { Lanes } from '../../../common/lanes';
import type { ActorId } from '../../../common/trace';
import { lastAtOrBefore } from '../../../common/stepSearch';
import type { PlayerModel } from '../player/model';
import { lastWake, type TaskIndex } from '../player/taskIndex';

export interface TaskRow {
  actor: ActorId;
  name: string;
  state: 'created' | 'ready' | 'running' | 'waiting' | 'done';
  /** What it waits on, or how it ended. */
  detail: string;
  steps: number;
  busy: number;
  waiting: number;
  /** Null while it was never woken, or once it is done. */
  sinceWoken: number | null;
  createdBy: string;
  /** Where it was created ("line 31"). */
  location: string;
}

/** Per task, built once: cumulative busy time over its run steps, and its waits as intervals. */
export interface TableSums {
  busy: Map<ActorId, Float64Array>;
  waits: Map<ActorId, Waits>;
  /** Virtual time when each step's events end (a blocking call moves it inside a step). */
  stepEnd: Float64Array;
}

/** One task's waits, in order: begun in step `from` at `fromT`, over in step `to` at `toT`
 * (to = Infinity while it still waits at the end of the run); `before`: total of earlier waits. */
interface Waits {
  from: number[];
  fromT: number[];
  to: number[];
  toT: number[];
  before: number[];
}

export function tableSums(model: PlayerModel): TableSums {
  const { steps, events } = model.trace;
  const busy = new Map<ActorId, { cum: Float64Array; n: number }>();
  const waits = new Map<ActorId, Waits>();
  const stepEnd = new Float64Array(steps.length);
  const close = (actor: ActorId, s: number, now: number) => {
    const w = waits.get(actor);
    const last = w ? w.to.length - 1 : -1;
    if (!w || w.to[last] !== Infinity) return;
    w.to[last] = s;
    w.toT[last] = now;
  };
  for (let s = 0; s < steps.length; s++) {
    const st = steps[s];
    let now = st.time;
    let held = 0;
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = st.firstEvent; i < end; i++) {
      const e = events[i];
      if (e.t === 'clockAdvanced') {
        if (st.kind === 'run') held += e.to - e.from;
        now = e.to;
      } else if (e.t === 'taskWaiting') {
        close(e.actor, s, now);
        let w = waits.get(e.actor);
        if (!w) waits.set(e.actor, (w = { from: [], fromT: [], to: [], toT: [], before: [] }));
        const n = w.to.length;
        w.before.push(n ? w.before[n - 1] + w.toT[n - 1] - w.fromT[n - 1] : 0);
        w.from.push(s);
        w.fromT.push(now);
        w.to.push(Infinity);
        w.toT.push(Infinity);
      } else if (e.t === 'taskScheduled' || e.t === 'taskExited') close(e.actor, s, now);
    }
    stepEnd[s] = now;
    if (st.kind === 'run' && st.actor !== undefined) {
      // runSteps lists the same steps in the same order: the n-th run of the actor fills slot n.
      let b = busy.get(st.actor);
      if (!b) busy.set(st.actor, (b = { cum: new Float64Array(model.runSteps.get(st.actor)!.length), n: 0 }));
      b.cum[b.n] = (b.n > 0 ? b.cum[b.n - 1] : 0) + held;
      b.n++;
    }
  }
  return { busy: new Map([...busy].map(([a, b]) => [a, b.cum])), waits, stepEnd };
}

/** Virtual time `actor` spent waiting (on timers, tasks, locks, I/O) by the end of `step`. */
function waitingTime(sums: TableSums, actor: ActorId, step: number): number {
  const w = sums.waits.get(actor);
  const i = w ? lastAtOrBefore(w.from, step) : -1;
  if (!w || i < 0) return 0;
  const until = w.to[i] <= step ? w.toT[i] : sums.stepEnd[step];
  return w.before[i] + until - w.fromT[i];
}

export function taskTable(
  model: PlayerModel,
  index: TaskIndex,
  sums: TableSums,
  lanes: Lanes,
  step: number,
): TaskRow[] {
  const waiting = new Map(lanes.waiting.map((w) => [w.actor, w.reason]));
  const done = new Map(lanes.done.map((d) => [d.actor, d.outcome]));
  const ready = new Set(lanes.ready);
  const runner = model.trace.steps[step]?.kind === 'run' ? model.trace.steps[step].actor : undefined;
  const user = new Set(model.tasks);
  const now = sums.stepEnd[step] ?? 0;
  const rows: TaskRow[] = [];
  for (const actor of lanes.spawned) {
    if (!user.has(actor)) continue;
    const info = model.info[actor];
    const runs = model.runSteps.get(actor) ?? [];
    const ran = lastAtOrBefore(runs, step) + 1;
    const outcome = done.get(actor);
    const reason = waiting.get(actor);
    let state: TaskRow['state'];
    let detail = '';
    if (actor === runner) state = 'running';
    else if (outcome) {
      state = 'done';
      detail =
        outcome.kind === 'result'
          ? `returned ${outcome.repr}`
          : outcome.kind === 'exception'
            ? `raised ${outcome.repr}`
            : 'cancelled';
    } else if (reason) {
      state = 'waiting';
      detail = reason.expr;
    } else state = ready.has(actor) ? 'ready' : 'created';
    const woke = outcome ? null : lastWake(index, actor, step);
    const parent = info?.actor.parent;
    rows.push({
      actor,
      name: info?.label ?? `#${actor}`,
      state,
      detail,
      steps: ran,
      busy: ran > 0 ? sums.busy.get(actor)![ran - 1] : 0,
      waiting: waitingTime(sums, actor, step),
      sinceWoken: woke === null ? null : now - sums.stepEnd[woke],
      createdBy: parent !== undefined ? (model.info[parent]?.label ?? `#${parent}`) : '',
      location: info?.actor.line !== undefined ? `line ${info.actor.line}` : '',
    });
  }
  return rows;
}

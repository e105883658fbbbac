// Everything the player derives once per trace (O(events)): the lane index, names and colours,
// per-actor histories for the code markers and "next step of this task", and the step lists the
// controls jump through. Pure: no Svelte, no Pixi.
import { indexIo, type IoIndex } from '../../../common/ioTrail';
import { indexTrace, type TraceIndex } from '../../../common/lanes';
import { nameOf, renameTasksIn, taskNames, type TaskNames, type TaskNaming } from '../../../common/taskNames';
import type { Actor, ActorId, RunEnd, Trace } from '../../../common/trace';
import { CALLBACK_COLOUR, taskColour } from './colours';
import { visibleStepsOf } from './visibleSteps';

export interface ActorInfo {
  actor: Actor;
  /** What the stage and panels print: common/taskNames.ts's name under the model's naming. */
  label: string;
  colour: number;
}

export interface PlayerModel {
  trace: Trace;
  index: TraceIndex;
  /** By actor id (index 0 unused). */
  info: ActorInfo[];
  /** Steps in which each actor ran, ascending (by actor id). */
  runSteps: Map<ActorId, number[]>;
  /** For each actor: steps where it ran, and the last user line it executed then. */
  lineHistory: Map<ActorId, { steps: number[]; lines: number[] }>;
  /** Step indices of clock jumps, ascending. */
  clockSteps: number[];
  /** First step of each loop iteration, ascending. */
  iterationStarts: number[];
  /** The program's tasks in creation order (asyncio's internal tasks left out). */
  tasks: ActorId[];
  /** Worker threads' jobs and bytes on the network (common/ioTrail.ts). */
  io: IoIndex;
  /** Both names of every actor (common/taskNames.ts), and which one `info[].label` holds. */
  names: TaskNames;
  naming: TaskNaming;
  /** The steps shown with internals off (visibleSteps.ts), ascending; with them on, all are. */
  visibleSteps: number[];
}

/** How the run ended, in words, even when the engine left the message empty (a normal end). */
export function endText(end: RunEnd): string {
  if (end.message) return end.message;
  if (end.kind === 'ok') return 'The program finished normally.';
  if (end.kind === 'exit') return `The program exited with status ${end.exitCode}.`;
  return `The run ended: ${end.kind}.`;
}

/** How the run ended, with tasks named as the stage names them. */
export function endWords(model: PlayerModel): string {
  return renameTasksIn(endText(model.trace.end), model.trace, model.names, model.naming);
}

/** The same model with the other naming: only the labels change (O(actors)). */
export function withNaming(model: PlayerModel, naming: TaskNaming): PlayerModel {
  if (model.naming === naming) return model;
  const info = model.info.map((i) => i && { ...i, label: nameOf(model.names, i.actor.id, naming) });
  return { ...model, info, naming };
}

export function buildModel(trace: Trace, naming: TaskNaming = 'friendly'): PlayerModel {
  const index = indexTrace(trace);
  const names = taskNames(trace);
  const info: ActorInfo[] = [];
  const tasks: ActorId[] = [];
  for (const a of trace.actors) {
    // asyncio's own tasks (asyncio.run's shutdown_asyncgens …) get no colour slot and no
    // timeline row, so the program's tasks keep the same colours whatever asyncio adds.
    const user = a.kind === 'task' && !a.internal;
    const colour = user ? taskColour(tasks.length) : CALLBACK_COLOUR;
    if (user) tasks.push(a.id);
    info[a.id] = { actor: a, label: nameOf(names, a.id, naming) as string, colour };
  }
  const runSteps = new Map<ActorId, number[]>();
  const lineHistory = new Map<ActorId, { steps: number[]; lines: number[] }>();
  const clockSteps: number[] = [];
  const iterationStarts: number[] = [];
  const { steps, events } = trace;
  for (let s = 0; s < steps.length; s++) {
    const st = steps[s];
    if (s === 0 || st.iteration !== steps[s - 1].iteration) iterationStarts.push(s);
    if (st.kind === 'clock') clockSteps.push(s);
    if (st.kind === 'run' && st.actor !== undefined) {
      let r = runSteps.get(st.actor);
      if (!r) runSteps.set(st.actor, (r = []));
      r.push(s);
    }
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = st.firstEvent; i < end; i++) {
      const e = events[i];
      if (e.t === 'afterTaskStep' && e.lines.length > 0) {
        let h = lineHistory.get(e.actor);
        if (!h) lineHistory.set(e.actor, (h = { steps: [], lines: [] }));
        h.steps.push(s);
        h.lines.push(e.lines[e.lines.length - 1]);
      }
    }
  }
  return {
    trace,
    index,
    info,
    runSteps,
    lineHistory,
    clockSteps,
    iterationStarts,
    tasks,
    io: indexIo(trace),
    names,
    naming,
    visibleSteps: visibleStepsOf(trace),
  };
}

/** Index of the last element <= x in an ascending array, or -1. */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The last user line `actor` executed at or before `step`, if any. */
export function lastLine(model: PlayerModel, actor: ActorId, step: number): number | undefined {
  const h = model.lineHistory.get(actor);
  if (!h) return undefined;
  const i = lastAtOrBefore(h.steps, step);
  return i >= 0 ? h.lines[i] : undefined;
}

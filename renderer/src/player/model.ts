// Everything the player derives once per trace (O(events)): the lane index, names and colours,
// per-actor histories for the code markers and "next step of this task", and the step lists the
// controls jump through. The O(events) part (indexModel) is plain data and typed arrays, so the
// trace worker builds it and the UI thread only joins it to the trace (modelFrom, O(actors)).
// Pure: no Svelte, no Pixi.
import { indexIo, type IoIndex } from '../../../common/ioTrail';
import { lanesData, type TraceIndex, type TraceIndexData } from '../../../common/lanes';
import { nameOf, renameTasksIn, taskNames, type TaskNames, type TaskNaming } from '../../../common/taskNames';
import type { Actor, ActorId, RunEnd, Trace } from '../../../common/trace';
import { ActorSteps, packActorSteps, type ActorStepsData } from '../../../common/actorSteps';
import { lastAtOrBefore } from '../../../common/stepSearch';
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
  runSteps: ActorSteps;
  /** For each actor: steps where it ran (get), and the last user line it executed then (valuesOf). */
  lineHistory: ActorSteps;
  /** Step indices of clock jumps, ascending. */
  clockSteps: Int32Array;
  /** First step of each loop iteration, ascending. */
  iterationStarts: Int32Array;
  /** The program's tasks in creation order (asyncio's internal tasks left out). */
  tasks: ActorId[];
  /** Worker threads' jobs and bytes on the network (common/ioTrail.ts). */
  io: IoIndex;
  /** Both names of every actor (common/taskNames.ts), and which one `info[].label` holds. */
  names: TaskNames;
  naming: TaskNaming;
  /** The steps shown with internals off (visibleSteps.ts), ascending; with them on, all are. */
  visibleSteps: Int32Array;
}

/** What buildModel derives in O(events), as data a worker can hand over (typed arrays transfer). */
export interface ModelIndex {
  lanes: TraceIndexData;
  names: TaskNames;
  runSteps: ActorStepsData;
  lineHistory: ActorStepsData;
  clockSteps: Int32Array;
  iterationStarts: Int32Array;
  io: IoIndex;
  visibleSteps: Int32Array;
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
  return modelFrom(trace, indexModel(trace), naming);
}

/** The program's tasks in creation order: asyncio's own tasks (asyncio.run's shutdown_asyncgens …)
 * get no colour slot and no timeline row, so they keep the same colours whatever asyncio adds. */
export function userTasks(trace: Pick<Trace, 'actors'>): ActorId[] {
  const tasks: ActorId[] = [];
  for (const a of trace.actors) if (a.kind === 'task' && !a.internal) tasks.push(a.id);
  return tasks;
}

/** The model's O(events) part (the trace worker runs this). */
export function indexModel(trace: Trace): ModelIndex {
  const { steps, events } = trace;
  const clockSteps: number[] = [];
  const iterationStarts: number[] = [];
  for (let s = 0; s < steps.length; s++) {
    const st = steps[s];
    if (s === 0 || st.iteration !== steps[s - 1].iteration) iterationStarts.push(s);
    if (st.kind === 'clock') clockSteps.push(s);
  }
  const runSteps = packActorSteps((add) => {
    for (let s = 0; s < steps.length; s++) {
      const st = steps[s];
      if (st.kind === 'run' && st.actor !== undefined) add(st.actor, s);
    }
  }, false);
  const lineHistory = packActorSteps((add) => {
    for (let s = 0; s < steps.length; s++) {
      const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
      for (let i = steps[s].firstEvent; i < end; i++) {
        const e = events[i];
        if (e.t === 'afterTaskStep' && e.lines.length > 0) add(e.actor, s, e.lines[e.lines.length - 1]);
      }
    }
  }, true);
  return {
    lanes: lanesData(trace),
    names: taskNames(trace),
    runSteps,
    lineHistory,
    clockSteps: Int32Array.from(clockSteps),
    iterationStarts: Int32Array.from(iterationStarts),
    io: indexIo(trace),
    visibleSteps: Int32Array.from(visibleStepsOf(trace)),
  };
}

/** The labels, colours and task list of a trace's actors, built a slice at a time (addActors). */
export interface ActorInfos {
  info: ActorInfo[];
  tasks: ActorId[];
}

/** Adds `actors` (the next slice of the trace's, in order) to `into`: O(actors given). */
export function addActors(
  into: ActorInfos,
  actors: readonly Actor[],
  names: TaskNames,
  naming: TaskNaming,
): ActorInfos {
  for (const a of actors) {
    // asyncio's own tasks get no colour slot (userTasks).
    const user = a.kind === 'task' && !a.internal;
    const colour = user ? taskColour(into.tasks.length) : CALLBACK_COLOUR;
    if (user) into.tasks.push(a.id);
    into.info[a.id] = { actor: a, label: nameOf(names, a.id, naming) as string, colour };
  }
  return into;
}

/** The model from its trace and index (and its actors' infos, when built already a slice at a
 * time): O(actors) at most, the UI thread's share. */
export function modelFrom(
  trace: Trace,
  index: ModelIndex,
  naming: TaskNaming = 'friendly',
  actors: ActorInfos = addActors({ info: [], tasks: [] }, trace.actors, index.names, naming),
): PlayerModel {
  return {
    trace,
    index: { trace, ...index.lanes },
    info: actors.info,
    runSteps: new ActorSteps(index.runSteps),
    lineHistory: new ActorSteps(index.lineHistory),
    clockSteps: index.clockSteps,
    iterationStarts: index.iterationStarts,
    tasks: actors.tasks,
    io: index.io,
    names: index.names,
    naming,
    visibleSteps: index.visibleSteps,
  };
}

/** The last user line `actor` executed at or before `step`, if any. */
export function lastLine(model: PlayerModel, actor: ActorId, step: number): number | undefined {
  const steps = model.lineHistory.get(actor);
  const lines = model.lineHistory.valuesOf(actor);
  if (!steps || !lines) return undefined;
  const i = lastAtOrBefore(steps, step);
  return i >= 0 ? lines[i] : undefined;
}

// Joins what the trace worker built for a trace (its model index and timeline spans) to the
// trace on the UI thread, a slice at a time with a pause between slices, so a 100,000-task
// run's labels and timeline rows never hold the window for long.
import type { Trace } from '../../../common/trace';
import { addActors, modelFrom, type ActorInfos, type ModelIndex, type PlayerModel } from '../player/model';
import { taskIndexFrom, type TaskIndex, type TaskIndexData } from '../player/taskIndex';
import {
  addRows,
  timelineFrom,
  type Timeline,
  type TimelineRow,
  type TimelineSpans,
} from '../player/timeline';

/** Actors or timeline rows per slice: each takes a few milliseconds. */
export const JOIN_SLICE = 4096;

export interface WorkerBuilt {
  model: ModelIndex;
  timeline: TimelineSpans;
  /** The inspector's (and the stage's wait groups') index. */
  tasks: TaskIndexData;
}

/** The model, timeline and task index of `trace` from the worker's; `pause` runs between slices. */
export async function joinModel(
  trace: Trace,
  built: WorkerBuilt,
  pause: () => Promise<void>,
): Promise<{ model: PlayerModel; timeline: Timeline; tasks: TaskIndex }> {
  const actors: ActorInfos = { info: [], tasks: [] };
  for (let i = 0; i < trace.actors.length; i += JOIN_SLICE) {
    addActors(actors, trace.actors.slice(i, i + JOIN_SLICE), built.model.names, 'friendly');
    await pause();
  }
  const rows: TimelineRow[] = [];
  while (rows.length < built.timeline.actors.length) {
    addRows(rows, built.timeline, JOIN_SLICE);
    await pause();
  }
  return {
    model: modelFrom(trace, built.model, 'friendly', actors),
    timeline: timelineFrom(built.timeline, rows),
    tasks: taskIndexFrom(trace, built.tasks),
  };
}

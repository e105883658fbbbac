// The player model in two halves (renderer/src/player/model.ts): the O(events) index a worker
// builds and hands over (a structured clone), and the O(actors) join to the trace on the UI
// thread, a slice at a time (renderer/src/run/model-join.ts). Either way it is the model
// buildModel makes, and the timeline buildTimeline makes.
import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import {
  addActors,
  buildModel,
  indexModel,
  lastLine,
  modelFrom,
  userTasks,
} from '../../renderer/src/player/model';
import { addRows, buildTimeline, timelineFrom, timelineSpans } from '../../renderer/src/player/timeline';
import { joinModel } from '../../renderer/src/run/model-join';
import { indexTasks, taskIndexData } from '../../renderer/src/player/taskIndex';
import { nextStepOf } from '../../renderer/src/player/cursor';

const trace = syntheticTrace({ tasks: 40, rounds: 3 });

describe('the model from a handed-over index', () => {
  it('is the model built in one go, after a structured clone', () => {
    const here = buildModel(trace);
    const there = modelFrom(trace, structuredClone(indexModel(trace)));
    expect(there).toEqual(here);
    expect(nextStepOf(there, 5, 0)).not.toBeNull();
    expect(nextStepOf(there, 5, 0)).toBe(nextStepOf(here, 5, 0));
    expect(lastLine(there, 1, trace.steps.length)).toBeDefined();
    expect(lastLine(there, 1, trace.steps.length)).toBe(lastLine(here, 1, trace.steps.length));
  });

  it('builds actors and rows a slice at a time as in one go', () => {
    const names = indexModel(trace).names;
    const sliced = { info: [], tasks: [] };
    for (let i = 0; i < trace.actors.length; i += 7)
      addActors(sliced, trace.actors.slice(i, i + 7), names, 'friendly');
    expect(sliced).toEqual(addActors({ info: [], tasks: [] }, trace.actors, names, 'friendly'));
    const spans = timelineSpans(trace, userTasks(trace));
    const rows = addRows([], spans, 5);
    expect(rows).toHaveLength(5);
    while (rows.length < spans.actors.length) addRows(rows, spans, 5);
    expect(timelineFrom(spans, rows)).toEqual(buildTimeline(buildModel(trace)));
  });

  it('joins with a pause between slices, and a pause that throws ends the join', async () => {
    const built = structuredClone({
      model: indexModel(trace),
      timeline: timelineSpans(trace, userTasks(trace)),
      tasks: taskIndexData(trace),
    });
    let pauses = 0;
    const joined = await joinModel(trace, built, async () => void pauses++);
    expect(pauses).toBeGreaterThan(1);
    expect(joined.model).toEqual(buildModel(trace));
    expect(joined.timeline).toEqual(buildTimeline(joined.model));
    expect(joined.tasks).toEqual(indexTasks(trace));
    await expect(
      joinModel(trace, built, async () => {
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
  });
});

import { describe, expect, it } from 'vitest';
import { KEYFRAME_INTERVAL, indexTrace, keyframeInterval, lanesAt, walkLanes } from '../../common/lanes';
import { outputUpTo } from '../../common/outputIndex';
import {
  DEFAULT_RUN_OPTIONS,
  TRACE_VERSION,
  type Actor,
  type Step,
  type Trace,
  type TraceEvent,
} from '../../common/trace';

function trace(steps: Step[], events: TraceEvent[]): Trace {
  return {
    version: TRACE_VERSION,
    source: '',
    fileName: 'main.py',
    options: DEFAULT_RUN_OPTIONS,
    actors: [],
    steps,
    events,
    end: { kind: 'ok', message: '', exitCode: 0 },
  };
}

/** Two tasks: 1 spawns 2 and waits on it; 2 sleeps until 0.5, prints, returns. */
const TWO_TASKS = trace(
  [
    { kind: 'start', time: 0, iteration: 0, firstEvent: 0 },
    { kind: 'run', time: 0, actor: 1, iteration: 1, firstEvent: 2 },
    { kind: 'run', time: 0, actor: 2, iteration: 2, firstEvent: 7 },
    { kind: 'clock', time: 0.5, iteration: 3, firstEvent: 11 },
    { kind: 'run', time: 0.5, actor: 3, iteration: 3, firstEvent: 13 },
    { kind: 'run', time: 0.5, actor: 2, iteration: 4, firstEvent: 16 },
  ],
  [
    { t: 'taskSpawned', actor: 1 },
    { t: 'taskScheduled', actor: 1 },
    { t: 'beforeTaskStep', actor: 1 },
    { t: 'taskSpawned', actor: 2 },
    { t: 'taskScheduled', actor: 2 },
    { t: 'afterTaskStep', actor: 1, lines: [3] },
    { t: 'taskWaiting', actor: 1, reason: { kind: 'task', expr: 't', targets: [2] } },
    { t: 'beforeTaskStep', actor: 2 },
    { t: 'timerArmed', actor: 3, deadline: 0.5 },
    { t: 'afterTaskStep', actor: 2, lines: [7] },
    { t: 'taskWaiting', actor: 2, reason: { kind: 'timer', expr: 'asyncio.sleep(0.5)', deadline: 0.5 } },
    { t: 'clockAdvanced', from: 0, to: 0.5 },
    { t: 'taskScheduled', actor: 3 },
    { t: 'beforeTaskStep', actor: 3 },
    { t: 'taskScheduled', actor: 2 },
    { t: 'afterTaskStep', actor: 3, lines: [] },
    { t: 'beforeTaskStep', actor: 2 },
    { t: 'output', stream: 'stdout', text: 'done\n' },
    { t: 'afterTaskStep', actor: 2, lines: [7, 8] },
    { t: 'taskExited', actor: 2, outcome: { kind: 'result', repr: '1' } },
  ],
);

describe('lane fold', () => {
  it('puts spawned tasks in the ready queue in FIFO order', () => {
    const lanes = lanesAt(indexTrace(TWO_TASKS), 0);
    expect({ ready: lanes.ready, running: lanes.running, spawned: lanes.spawned }).toEqual({
      ready: [1],
      running: null,
      spawned: [1],
    });
  });

  it('moves a task that awaits into waiting with its reason, and arms its timer', () => {
    const lanes = lanesAt(indexTrace(TWO_TASKS), 2);
    expect({ ready: lanes.ready, waiting: lanes.waiting, timers: lanes.timers }).toEqual({
      ready: [],
      waiting: [
        { actor: 1, reason: { kind: 'task', expr: 't', targets: [2] } },
        { actor: 2, reason: { kind: 'timer', expr: 'asyncio.sleep(0.5)', deadline: 0.5 } },
      ],
      timers: [{ actor: 3, deadline: 0.5 }],
    });
  });

  it('moves the due timer to the ready queue at the clock step', () => {
    const lanes = lanesAt(indexTrace(TWO_TASKS), 3);
    expect({ time: lanes.time, ready: lanes.ready, timers: lanes.timers }).toEqual({
      time: 0.5,
      ready: [3],
      timers: [],
    });
  });

  it('wakes the sleeper and finally marks it done with its result', () => {
    const index = indexTrace(TWO_TASKS);
    expect(lanesAt(index, 4).ready).toEqual([2]);
    const last = lanesAt(index, 5);
    expect({
      done: last.done,
      waiting: last.waiting.map((w) => w.actor),
      outputLength: last.outputLength,
    }).toEqual({
      done: [{ actor: 2, outcome: { kind: 'result', repr: '1' } }],
      waiting: [1],
      outputLength: 5,
    });
    expect(outputUpTo(index, 4)).toEqual([]);
    expect(outputUpTo(index, 5)).toEqual([{ stream: 'stdout', text: 'done\n', offset: 0, step: 5 }]);
  });

  it('walks every step to the same lanes as seeking to each', () => {
    const index = indexTrace(TWO_TASKS);
    expect([...walkLanes(TWO_TASKS)]).toEqual(TWO_TASKS.steps.map((_, i) => lanesAt(index, i)));
  });

  it('seeks past a keyframe to the same state as folding from the start', () => {
    const n = KEYFRAME_INTERVAL * 2 + 7;
    const steps: Step[] = [];
    const events: TraceEvent[] = [];
    for (let i = 0; i < n; i++) {
      steps.push({ kind: 'run', time: i, actor: (i % 3) + 1, iteration: i, firstEvent: events.length });
      events.push({ t: 'taskScheduled', actor: (i % 3) + 1 });
    }
    const t = trace(steps, events);
    const walked = [...walkLanes(t)];
    const index = indexTrace(t);
    for (const step of [0, KEYFRAME_INTERVAL - 1, KEYFRAME_INTERVAL, n - 1])
      expect(lanesAt(index, step)).toEqual(walked[step]);
  });

  it('spaces keyframes further apart as the actors grow, up to a bound, and seeks the same', () => {
    expect(keyframeInterval(3)).toBe(KEYFRAME_INTERVAL);
    expect(keyframeInterval(1000)).toBe(1024);
    expect(keyframeInterval(100_000)).toBe(16384);
    expect(keyframeInterval(1_000_000)).toBe(16384);
    // 600 tasks each spawned, woken, run and finished: keyframes every 1,024 steps.
    const tasks = 600;
    const steps: Step[] = [];
    const events: TraceEvent[] = [];
    const actors: Actor[] = [];
    for (let a = 1; a <= tasks; a++) actors.push({ id: a, kind: 'task', name: `Task-${a}`, coro: 'w' });
    let i = 0;
    for (let round = 0; round < 4; round++)
      for (let a = 1; a <= tasks; a++, i++) {
        steps.push({ kind: 'run', time: round, actor: a, iteration: i, firstEvent: events.length });
        if (round === 0) events.push({ t: 'taskSpawned', actor: a });
        if (round < 3)
          events.push({
            t: 'taskWaiting',
            actor: a,
            reason: { kind: 'timer', expr: 'sleep', deadline: round + 1 },
          });
        if (round < 3) events.push({ t: 'timerArmed', actor: a, deadline: round + 1 });
        else events.push({ t: 'taskExited', actor: a, outcome: { kind: 'result', repr: String(a) } });
        if (a % 7 === 0) events.push({ t: 'taskScheduled', actor: ((a * 13) % tasks) + 1 });
      }
    const t = { ...trace(steps, events), actors };
    const index = indexTrace(t);
    expect(index.interval).toBe(1024);
    expect(index.keyframes).toHaveLength(Math.ceil(steps.length / 1024));
    const walked = [...walkLanes(t)];
    for (const step of [0, 1023, 1024, 1025, 2047, 2048, 2049, steps.length - 1])
      expect(lanesAt(index, step), `step ${step}`).toEqual(walked[step]);
  });
});

// Inspector benchmark: indexing a 200,000-step trace in which every step records a stack and
// 1,000 tasks share 50 locks, then what one seek costs the inspector (the shown task's stack,
// the task table, the await graph and the resources) at random steps, against the lane fold the
// stage already does at each seek. Prints medians; asserts nothing.
//   npx tsx tests/bench/inspector.ts
import { indexTrace, lanesAt } from '../../common/lanes';
import type { Actor, Trace, TraceEvent } from '../../common/trace';
import { DEFAULT_RUN_OPTIONS } from '../../common/trace';
import { awaitGraph } from '../../renderer/src/inspector/awaitGraph';
import { indexTasks, resourcesAt, stackAt } from '../../renderer/src/player/taskIndex';
import { tableSums, taskTable } from '../../renderer/src/inspector/taskTable';
import { buildModel } from '../../renderer/src/player/model';

const STEPS = 200_000;
const TASKS = 1000;
const LOCKS = 50;
const SEEKS = 200;

/** Each task in turn takes a lock, records its stack, and waits on the next lock or a timer. */
function lockTrace(): Trace {
  const actors: Actor[] = [];
  for (let a = 1; a <= TASKS; a++)
    actors.push({ id: a, kind: 'task', name: `worker-${a}`, coro: 'worker', line: 9 });
  const steps: Trace['steps'] = [{ kind: 'start', time: 0, iteration: 0, firstEvent: 0 }];
  const events: TraceEvent[] = [];
  for (let a = 1; a <= TASKS; a++)
    events.push({ t: 'taskSpawned', actor: a }, { t: 'taskScheduled', actor: a });
  for (let r = 1; r <= LOCKS; r++)
    events.push({ t: 'resource', id: r, kind: 'lock', name: `lock${r}`, line: 3 });
  for (let s = 1; s < STEPS; s++) {
    const a = ((s - 1) % TASKS) + 1;
    const lock = (s % LOCKS) + 1;
    steps.push({ kind: 'run', time: s / 1000, actor: a, iteration: s, firstEvent: events.length });
    events.push(
      { t: 'beforeTaskStep', actor: a },
      { t: 'afterTaskStep', actor: a, lines: [10, 11] },
      {
        t: 'taskWaiting',
        actor: a,
        reason: { kind: 'lock', expr: 'async with lock', line: 11, resource: lock },
      },
      { t: 'resourceState', id: lock, holders: [((a + 1) % TASKS) + 1], waiters: [a] },
      {
        t: 'taskFrames',
        actor: a,
        frames: [
          {
            fn: 'worker',
            line: 11,
            locals: [
              ['i', String(s)],
              ['lock', `<Lock ${lock}>`],
            ],
          },
        ],
      },
      { t: 'taskScheduled', actor: a },
    );
  }
  const end = { kind: 'ok' as const, message: '', exitCode: 0 };
  return {
    version: 1,
    source: '',
    fileName: 'bench.py',
    options: DEFAULT_RUN_OPTIONS,
    actors,
    steps,
    events,
    end,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const trace = lockTrace();
const model = buildModel(trace);
let index = indexTasks(trace);
const indexMs = median([1, 2, 3].map(() => time(() => (index = indexTasks(trace)))));
let sums = tableSums(model);
const sumsMs = median([1, 2, 3].map(() => time(() => (sums = tableSums(model)))));
const lanesIndex = indexTrace(trace);
const lanesIndexMs = time(() => indexTrace(trace));
void lanesIndex;

// Pseudo-random steps, the same every run.
let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * STEPS;
const picks = Array.from({ length: SEEKS }, () => Math.floor(rand()));
const lanesMs: number[] = [];
const stackMs: number[] = [];
const tableMs: number[] = [];
const graphMs: number[] = [];
for (const step of picks) {
  let lanes = lanesAt(model.index, step);
  lanesMs.push(time(() => (lanes = lanesAt(model.index, step))));
  const actor = ((step * 7) % TASKS) + 1;
  stackMs.push(time(() => stackAt(index, actor, step)));
  tableMs.push(time(() => taskTable(model, index, sums, lanes, step)));
  graphMs.push(
    time(() =>
      awaitGraph({ lanes, resources: resourcesAt(index, step), tasks: model.tasks, label: (id) => `w${id}` }),
    ),
  );
}
const f = (x: number) => `${x.toFixed(2)} ms`;
console.log(
  `inspector on ${STEPS.toLocaleString('en')} steps, ${TASKS} tasks, ${LOCKS} locks, a stack every step`,
);
console.log(
  `  index (once per trace): ${f(indexMs)}; table sums: ${f(sumsMs)} (lane keyframes: ${f(lanesIndexMs)})`,
);
console.log(`  per seek, median of ${SEEKS} random steps:`);
console.log(`    lanes (the stage's own fold): ${f(median(lanesMs))}`);
console.log(`    the shown task's stack:       ${f(median(stackMs))}`);
console.log(`    the task table (${TASKS} rows):     ${f(median(tableMs))}`);
console.log(`    the await graph:              ${f(median(graphMs))}`);

// Hand-written traces with the task state events (taskFrames, resource, resourceState,
// taskCancelled, warning), shaped like the engine's runs of lessons 15 (deadlock) and 3
// (blocking call), for the inspector's unit tests.
import type { Actor, Frame, StepKind, Trace, TraceEvent } from '../../../common/trace';
import { DEFAULT_RUN_OPTIONS } from '../../../common/trace';

type StepSpec = [kind: StepKind, time: number, actor: number | undefined, events: TraceEvent[]];

export function buildTrace(actors: Actor[], specs: StepSpec[], end: Trace['end']): Trace {
  const steps: Trace['steps'] = [];
  const events: TraceEvent[] = [];
  let iteration = 0;
  for (const [kind, time, actor, evs] of specs) {
    if (kind === 'clock' || (kind === 'run' && steps[steps.length - 1]?.kind !== 'run')) iteration++;
    steps.push({
      kind,
      time,
      ...(actor !== undefined ? { actor } : {}),
      iteration,
      firstEvent: events.length,
    });
    events.push(...evs);
  }
  return {
    version: 1,
    source: '',
    fileName: 'fixture.py',
    options: DEFAULT_RUN_OPTIONS,
    actors,
    steps,
    events,
    end,
  };
}

const frame = (fn: string, line: number, locals: [string, string][]): Frame => ({ fn, line, locals });
const transfer = (line: number, who: string, first: string, second: string, extra: [string, string][] = []) =>
  frame('transfer', line, [
    ['who', `'${who}'`],
    ['first_name', `'${first}'`],
    ['second_name', `'${second}'`],
    ...extra,
  ]);

/** Lesson 15: alice holds savings and waits for checking; bob holds checking and waits for savings. */
export function deadlockTrace(): Trace {
  const actors: Actor[] = [
    { id: 1, kind: 'task', name: 'Task-1', coro: 'main', line: 36 },
    { id: 2, kind: 'task', name: 'alice', coro: 'transfer', parent: 1, line: 30 },
    { id: 3, kind: 'task', name: 'bob', coro: 'transfer', parent: 1, line: 31 },
    { id: 4, kind: 'callback', name: 'futures._set_result_unless_cancelled', internal: true, serves: 2 },
    { id: 5, kind: 'callback', name: 'futures._set_result_unless_cancelled', internal: true, serves: 3 },
  ];
  const sleep = { kind: 'timer' as const, expr: 'asyncio.sleep(0.25)', deadline: 0.25, line: 20 };
  return buildTrace(
    actors,
    [
      [
        'start',
        0,
        undefined,
        [
          { t: 'taskSpawned', actor: 1 },
          { t: 'taskScheduled', actor: 1 },
        ],
      ],
      [
        'run',
        0,
        1,
        [
          { t: 'beforeTaskStep', actor: 1 },
          { t: 'resource', id: 1, kind: 'lock', name: 'savings', line: 28 },
          { t: 'resource', id: 2, kind: 'lock', name: 'checking', line: 29 },
          { t: 'taskSpawned', actor: 2 },
          { t: 'taskScheduled', actor: 2 },
          { t: 'taskFrames', actor: 2, frames: [transfer(15, 'alice', '?', '?')] },
          { t: 'taskSpawned', actor: 3 },
          { t: 'taskScheduled', actor: 3 },
          { t: 'taskFrames', actor: 3, frames: [transfer(15, 'bob', '?', '?')] },
          { t: 'afterTaskStep', actor: 1, lines: [28, 29, 30, 31, 32] },
          {
            t: 'taskWaiting',
            actor: 1,
            reason: { kind: 'task', expr: 'asyncio.gather(alice, bob)', targets: [2, 3], line: 32 },
          },
          { t: 'taskFrames', actor: 1, frames: [frame('main', 32, [['alice', '<Task alice>']])] },
        ],
      ],
      [
        'run',
        0,
        2,
        [
          { t: 'beforeTaskStep', actor: 2 },
          { t: 'resourceState', id: 1, holders: [2], waiters: [] },
          { t: 'output', stream: 'stdout', text: 'alice: locked savings\n' },
          { t: 'timerArmed', actor: 4, deadline: 0.25 },
          { t: 'afterTaskStep', actor: 2, lines: [16, 17, 18, 19, 20] },
          { t: 'taskWaiting', actor: 2, reason: sleep },
          { t: 'taskFrames', actor: 2, frames: [transfer(20, 'alice', 'savings', 'checking')] },
        ],
      ],
      [
        'run',
        0,
        3,
        [
          { t: 'beforeTaskStep', actor: 3 },
          { t: 'resourceState', id: 2, holders: [3], waiters: [] },
          { t: 'output', stream: 'stdout', text: 'bob: locked checking\n' },
          { t: 'timerArmed', actor: 5, deadline: 0.25 },
          { t: 'afterTaskStep', actor: 3, lines: [16, 17, 18, 19, 20] },
          { t: 'taskWaiting', actor: 3, reason: sleep },
          { t: 'taskFrames', actor: 3, frames: [transfer(20, 'bob', 'checking', 'savings')] },
        ],
      ],
      [
        'clock',
        0.25,
        undefined,
        [
          { t: 'clockAdvanced', from: 0, to: 0.25 },
          { t: 'taskScheduled', actor: 4 },
          { t: 'taskScheduled', actor: 5 },
        ],
      ],
      [
        'run',
        0.25,
        4,
        [
          { t: 'beforeTaskStep', actor: 4 },
          { t: 'taskScheduled', actor: 2 },
          { t: 'afterTaskStep', actor: 4, lines: [] },
        ],
      ],
      [
        'run',
        0.25,
        5,
        [
          { t: 'beforeTaskStep', actor: 5 },
          { t: 'taskScheduled', actor: 3 },
          { t: 'afterTaskStep', actor: 5, lines: [] },
        ],
      ],
      [
        'run',
        0.25,
        2,
        [
          { t: 'beforeTaskStep', actor: 2 },
          { t: 'output', stream: 'stdout', text: 'alice: waiting for checking\n' },
          { t: 'afterTaskStep', actor: 2, lines: [20, 21, 23] },
          {
            t: 'taskWaiting',
            actor: 2,
            reason: { kind: 'lock', expr: 'async with second_lock', line: 23, resource: 2 },
          },
          { t: 'resourceState', id: 2, holders: [3], waiters: [2] },
          { t: 'taskFrames', actor: 2, frames: [transfer(23, 'alice', 'savings', 'checking')] },
        ],
      ],
      [
        'run',
        0.25,
        3,
        [
          { t: 'beforeTaskStep', actor: 3 },
          { t: 'output', stream: 'stdout', text: 'bob: waiting for savings\n' },
          { t: 'afterTaskStep', actor: 3, lines: [20, 21, 23] },
          {
            t: 'taskWaiting',
            actor: 3,
            reason: { kind: 'lock', expr: 'async with second_lock', line: 23, resource: 1 },
          },
          { t: 'resourceState', id: 1, holders: [2], waiters: [3] },
          { t: 'taskFrames', actor: 3, frames: [transfer(23, 'bob', 'checking', 'savings')] },
        ],
      ],
      [
        'end',
        0.25,
        undefined,
        [
          {
            t: 'warning',
            kind: 'deadlockCycle',
            message: 'alice waits for lock checking held by bob, who waits for lock savings held by alice',
            actor: 2,
            line: 23,
            cycle: [
              { actor: 2, resource: 2 },
              { actor: 3, resource: 1 },
            ],
          },
        ],
      ],
    ],
    { kind: 'deadlock', message: 'deadlock: alice and bob wait on each other', exitCode: 1 },
  );
}

/** Lesson 3: heartbeat sleeps 0.5 s; report blocks the loop in time.sleep(1.5) from t=0.75. */
export function blockedTrace(): Trace {
  const actors: Actor[] = [
    { id: 1, kind: 'task', name: 'Task-1', coro: 'main', line: 38 },
    { id: 2, kind: 'task', name: 'Task-2', coro: 'heartbeat', parent: 1, line: 35 },
    { id: 3, kind: 'task', name: 'Task-3', coro: 'report', parent: 1, line: 35 },
    { id: 4, kind: 'callback', name: 'futures._set_result_unless_cancelled', internal: true, serves: 2 },
  ];
  const beat = (n: number, due: string): Frame[] => [
    frame('heartbeat', 24, [
      ['n', String(n)],
      ['due', due],
    ]),
  ];
  return buildTrace(
    actors,
    [
      [
        'start',
        0,
        undefined,
        [
          { t: 'taskSpawned', actor: 1 },
          { t: 'taskScheduled', actor: 1 },
        ],
      ],
      [
        'run',
        0,
        1,
        [
          { t: 'beforeTaskStep', actor: 1 },
          { t: 'taskSpawned', actor: 2 },
          { t: 'taskScheduled', actor: 2 },
          { t: 'taskSpawned', actor: 3 },
          { t: 'taskScheduled', actor: 3 },
          { t: 'afterTaskStep', actor: 1, lines: [35] },
          {
            t: 'taskWaiting',
            actor: 1,
            reason: { kind: 'task', expr: 'asyncio.gather(heartbeat(), report())', targets: [2, 3] },
          },
        ],
      ],
      [
        'run',
        0,
        2,
        [
          { t: 'beforeTaskStep', actor: 2 },
          { t: 'timerArmed', actor: 4, deadline: 0.5 },
          { t: 'afterTaskStep', actor: 2, lines: [22, 23, 24] },
          {
            t: 'taskWaiting',
            actor: 2,
            reason: { kind: 'timer', expr: 'asyncio.sleep(0.5)', deadline: 0.5 },
          },
          { t: 'taskFrames', actor: 2, frames: beat(1, '0.5') },
        ],
      ],
      [
        'run',
        0,
        3,
        [
          { t: 'beforeTaskStep', actor: 3 },
          { t: 'afterTaskStep', actor: 3, lines: [29] },
          {
            t: 'taskWaiting',
            actor: 3,
            reason: { kind: 'timer', expr: 'asyncio.sleep(0.75)', deadline: 0.75 },
          },
        ],
      ],
      [
        'clock',
        0.75,
        undefined,
        [
          { t: 'clockAdvanced', from: 0, to: 0.75 },
          { t: 'taskScheduled', actor: 3 },
        ],
      ],
      [
        'run',
        0.75,
        3,
        [
          { t: 'beforeTaskStep', actor: 3 },
          { t: 'output', stream: 'stdout', text: '0.750 report: calling time.sleep(1.5)\n' },
          { t: 'clockAdvanced', from: 0.75, to: 2.25 },
          { t: 'afterTaskStep', actor: 3, lines: [30, 31, 32] },
          { t: 'taskExited', actor: 3, outcome: { kind: 'result', repr: 'None' } },
          { t: 'taskScheduled', actor: 4 },
          {
            t: 'warning',
            kind: 'blockedLoop',
            message: 'report held the loop for 1.500 s in time.sleep(1.5) (line 31)',
            actor: 3,
            line: 31,
            overdue: [{ actor: 4, by: 1.25 }],
          },
        ],
      ],
      [
        'run',
        2.25,
        4,
        [
          { t: 'beforeTaskStep', actor: 4 },
          { t: 'taskScheduled', actor: 2 },
          { t: 'afterTaskStep', actor: 4, lines: [] },
        ],
      ],
      [
        'run',
        2.25,
        2,
        [
          { t: 'beforeTaskStep', actor: 2 },
          { t: 'output', stream: 'stdout', text: '2.250 tick 1 (due at 0.500)\n' },
          { t: 'afterTaskStep', actor: 2, lines: [25, 23, 24] },
          {
            t: 'taskWaiting',
            actor: 2,
            reason: { kind: 'timer', expr: 'asyncio.sleep(0.5)', deadline: 2.75 },
          },
          { t: 'taskFrames', actor: 2, frames: beat(2, '2.75') },
        ],
      ],
    ],
    { kind: 'ok', message: '', exitCode: 0 },
  );
}

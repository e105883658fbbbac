// The schema the binary trace transport (traceCodec.ts) writes records by: every event kind's
// fields, and the actor's and step's, in the order the engine writes their keys. A record that
// does not fit its schema exactly is written as JSON, so a wrong schema costs bytes, never data.
import type { TraceEvent } from './trace';

export type Shape = 'uint' | 'num' | 'str' | 'true' | { arr: Shape } | { tuple: Shape[] } | { obj: Field[] };
/** [key, shape, optional] in the order the engine writes the keys. */
export type Field = [string, Shape, boolean?];

const uints: { arr: Shape } = { arr: 'uint' };
const reason: Shape = {
  obj: [
    ['kind', 'str'],
    ['expr', 'str'],
    ['deadline', 'num', true],
    ['targets', uints, true],
    ['line', 'uint', true],
    ['resource', 'uint', true],
  ],
};
const outcome: Shape = {
  obj: [
    ['kind', 'str'],
    ['repr', 'str'],
    ['traceback', 'str', true],
  ],
};
const frame: Shape = {
  obj: [
    ['fn', 'str'],
    ['line', 'uint'],
    ['locals', { arr: { tuple: ['str', 'str'] } }],
    ['internal', 'true', true],
  ],
};

/** Every event kind of common/trace.ts: the fields after `t`. tsc fails when a kind is missing. */
export const EVENT_FIELDS: Record<TraceEvent['t'], Field[]> = {
  taskSpawned: [['actor', 'uint']],
  taskScheduled: [['actor', 'uint']],
  handleCancelled: [['actor', 'uint']],
  timerArmed: [
    ['actor', 'uint'],
    ['deadline', 'num'],
  ],
  beforeTaskStep: [['actor', 'uint']],
  afterTaskStep: [
    ['actor', 'uint'],
    ['lines', uints],
  ],
  taskWaiting: [
    ['actor', 'uint'],
    ['reason', reason],
  ],
  taskExited: [
    ['actor', 'uint'],
    ['outcome', outcome],
  ],
  clockAdvanced: [
    ['from', 'num'],
    ['to', 'num'],
  ],
  output: [
    ['stream', 'str'],
    ['text', 'str'],
  ],
  outputDropped: [
    ['lines', 'uint'],
    ['chars', 'uint'],
  ],
  threadJob: [
    ['thread', 'str'],
    ['job', 'str'],
    ['start', 'num'],
    ['end', 'num'],
  ],
  bytesSent: [
    ['from', 'str'],
    ['to', 'str'],
    ['bytes', 'uint'],
    ['sent', 'num'],
    ['arrives', 'num'],
  ],
  taskFrames: [
    ['actor', 'uint'],
    ['frames', { arr: frame }],
    ['capped', 'true', true],
  ],
  resource: [
    ['id', 'uint'],
    ['kind', 'str'],
    ['name', 'str'],
    ['line', 'uint', true],
  ],
  resourceState: [
    ['id', 'uint'],
    ['holders', uints],
    ['waiters', uints],
    ['value', 'str', true],
  ],
  taskCancelled: [
    ['actor', 'uint'],
    ['by', 'uint', true],
  ],
  warning: [
    ['kind', 'str'],
    ['message', 'str'],
    ['actor', 'uint', true],
    ['line', 'uint', true],
    [
      'overdue',
      {
        arr: {
          obj: [
            ['actor', 'uint'],
            ['by', 'num'],
          ],
        },
      },
      true,
    ],
    [
      'cycle',
      {
        arr: {
          obj: [
            ['actor', 'uint'],
            ['resource', 'uint', true],
          ],
        },
      },
      true,
    ],
  ],
};

export const actorShape: Shape = {
  obj: [
    ['id', 'uint'],
    ['kind', 'str'],
    ['name', 'str'],
    ['coro', 'str', true],
    ['internal', 'true', true],
    ['serves', 'uint', true],
    ['parent', 'uint', true],
    ['line', 'uint', true],
  ],
};
export const stepShape: Shape = {
  obj: [
    ['kind', 'str'],
    ['time', 'num'],
    ['actor', 'uint', true],
    ['iteration', 'uint'],
    ['firstEvent', 'uint'],
    ['lines', uints, true],
  ],
};

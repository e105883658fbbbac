// The trace format shared by the engine (writer), the CLI and the renderer (readers).
// A run is an append-only event log cut into steps; lane state at any step is folded from it
// (see lanes.ts), so its size grows with events, not with tasks x steps. Documented in
// common/TRACE.md; bump TRACE_VERSION on any incompatible change.

export const TRACE_VERSION = 1;

/** Tasks and plain callbacks share one id space, in creation order from 1. */
export type ActorId = number;

export interface Actor {
  id: ActorId;
  kind: 'task' | 'callback';
  /** Task name ("Task-1", "worker-2") or the callback's qualified name ("on_timer"). */
  name: string;
  /** For tasks: the coroutine's qualified name. */
  coro?: string;
  /** True for asyncio's own plumbing (a sleep's timer, a future's done callback, a task wakeup). */
  internal?: boolean;
  /** The task an internal callback works for (the sleeper whose timer this is). */
  serves?: ActorId;
  /** The task that was running when this one was created. */
  parent?: ActorId;
  /** Source line (1-based, user file) where it was created. */
  line?: number;
}

export type WaitKind =
  | 'timer'
  | 'task'
  | 'future'
  | 'lock'
  | 'queue'
  | 'event'
  | 'semaphore'
  | 'condition'
  | 'barrier'
  | 'io'
  | 'other';

export interface WaitReason {
  kind: WaitKind;
  /** The awaited expression's source text, e.g. "asyncio.sleep(0.2)" or "queue.get()". */
  expr: string;
  /** For timers: the virtual time it fires at, in seconds; for a wait on a worker thread's job
   * (kind 'io', "to_thread(f) on worker asyncio_0"): when its result reaches the loop. */
  deadline?: number;
  /** For waits on other tasks: who (gather waits on several). */
  targets?: ActorId[];
  /** The user line of the await. */
  line?: number;
  /** For waits on a lock, semaphore, event, condition, queue or barrier: which one. */
  resource?: ResourceId;
}

export type Outcome =
  | { kind: 'result'; repr: string }
  | { kind: 'exception'; repr: string; traceback: string }
  | { kind: 'cancelled'; repr: string };

export type TraceEvent =
  | { t: 'taskSpawned'; actor: ActorId }
  /** Appended to the tail of the ready queue (call_soon, a timer came due, a wakeup). */
  | { t: 'taskScheduled'; actor: ActorId }
  /** A scheduled callback was cancelled; asyncio drops it lazily, so it leaves the lanes now. */
  | { t: 'handleCancelled'; actor: ActorId }
  /** A timer was armed for this actor (a callback actor; call_later/call_at). */
  | { t: 'timerArmed'; actor: ActorId; deadline: number }
  | { t: 'beforeTaskStep'; actor: ActorId }
  /** `lines`: the user lines executed, in order, duplicates collapsed only when adjacent. */
  | { t: 'afterTaskStep'; actor: ActorId; lines: number[] }
  | { t: 'taskWaiting'; actor: ActorId; reason: WaitReason }
  | { t: 'taskExited'; actor: ActorId; outcome: Outcome }
  | { t: 'clockAdvanced'; from: number; to: number }
  | { t: 'output'; stream: 'stdout' | 'stderr'; text: string }
  /** Output past the cap's first half, not kept (engine/core/output-cut.ts): where the head
   * ends; `lines` and `chars` count all that was dropped (0 in any further marker). */
  | { t: 'outputDropped'; lines: number; chars: number }
  /** A worker thread (executor worker, threading.Thread) ran `job` from `start` to `end` (its
   * own virtual time); recorded in the step that submitted or started it. */
  | { t: 'threadJob'; thread: string; job: string; start: number; end: number }
  /** `bytes` left `from` at `sent` and arrive at `to` at `arrives` (endpoints named as waits
   * name them: "example.com:80", "127.0.0.1:32768"); in the step whose code (or whose built-in
   * server) sent them. Sends of one step between the same endpoints arriving together merge. */
  | { t: 'bytesSent'; from: string; to: string; bytes: number; sent: number; arrives: number }
  /** A task's coroutine stack as the step leaves it (where it suspended, or its last frames
   * when it finished), outermost first; for the actor that ran in a `run` step, and for a new
   * task at the step that created it (its coroutine, not started, with its arguments). */
  | { t: 'taskFrames'; actor: ActorId; frames: Frame[]; capped?: true }
  /** A lock, semaphore, event, condition, queue or barrier the program made (own id space). */
  | { t: 'resource'; id: ResourceId; kind: ResourceKind; name: string; line?: number }
  /** Who holds a resource and who waits on it, after this step (only when it changed). */
  | { t: 'resourceState'; id: ResourceId; holders: ActorId[]; waiters: ActorId[]; value?: string }
  /** `Task.cancel()` was called on `actor`, while `by` ran (absent: from a callback or the top level). */
  | { t: 'taskCancelled'; actor: ActorId; by?: ActorId }
  /** Something a teacher would point at: see WarningKind. */
  | {
      t: 'warning';
      kind: WarningKind;
      /** One line for people, in the loop's terms. */
      message: string;
      actor?: ActorId;
      line?: number;
      /** For blockedLoop: the timers the blocking step made late, and by how many seconds. */
      overdue?: { actor: ActorId; by: number }[];
      /** For deadlockCycle: the tasks and resources of the cycle, in order. */
      cycle?: { actor: ActorId; resource?: ResourceId }[];
    };

export type ResourceId = number;

export type ResourceKind = 'lock' | 'semaphore' | 'event' | 'condition' | 'queue' | 'barrier';

export type WarningKind =
  /** Virtual time passed inside one step (a blocking call held the loop). */
  | 'blockedLoop'
  /** A coroutine object was collected without being awaited. */
  | 'neverAwaited'
  /** A task finished with an exception nobody retrieved. */
  | 'exceptionNeverRetrieved'
  /** A task was collected while still pending (a fire-and-forget task lost). */
  | 'pendingCollected'
  /** Tasks wait on each other in a cycle (through locks or awaits). */
  | 'deadlockCycle';

/** One frame of a task's stack. */
export interface Frame {
  /** The function's qualified name. */
  fn: string;
  /** The user line it is at. */
  line: number;
  /** Its locals as [name, repr]: reprs truncated, never made by calling user code. */
  locals: [string, string][];
  /** asyncio's own frame (shown only with internals on). */
  internal?: true;
}

export type StepKind =
  /** Before the loop: the program's top level (imports, definitions, asyncio.run's setup). */
  | 'start'
  /** One ready callback ran (a task step is a callback too). */
  | 'run'
  /** Nothing was ready: the clock jumped to the earliest timer. */
  | 'clock'
  /** The program's top level again, after a loop run returned (code after asyncio.run). */
  | 'main'
  /** The run finished; `trace.end` says how. */
  | 'end';

export interface Step {
  kind: StepKind;
  /** Virtual time in seconds when the step begins (after a clock jump: the new time). */
  time: number;
  /** For 'run': the callback or task that ran. */
  actor?: ActorId;
  /** Loop iteration (CPython's _run_once pass) the step belongs to; 0 before the loop. */
  iteration: number;
  /** Index of this step's first event; its events run to the next step's firstEvent. */
  firstEvent: number;
  /** For 'start' and 'main': the user lines the top level executed (tasks' lines are in afterTaskStep). */
  lines?: number[];
}

/** How a run can end; hosts check an engine's trace against this list (engine/protocol.ts). */
export const END_KINDS = [
  'ok',
  'exception',
  'syntaxError',
  'deadlock',
  'capSteps',
  'capTime',
  'capOutput',
  'capTasks',
  'capNetwork',
  'capThreads',
  'capFiles',
  'runaway',
  'exit',
  'internalError',
] as const;

export type EndKind = (typeof END_KINDS)[number];

export interface RunEnd {
  kind: EndKind;
  /** One line for people: "deadlock: worker waits on queue.get() (line 7)". */
  message: string;
  /** Exit status the CLI uses (0 for ok, and for sys.exit(0)). */
  exitCode: number;
  /** For syntax errors and runaways. */
  line?: number;
  column?: number;
  /** For caps: the option that raises it, e.g. "--max-steps". */
  option?: string;
}

/**
 * What main answers a run with when the trace itself went to the UI over the engine's trace port
 * (engine/chromium/trace-delivery.ts): how the run ended, as the host says, and the id the
 * trace arrives under.
 */
export interface TraceReceipt {
  delivered: string;
  end: RunEnd;
}

export interface RunOptions {
  seed: number;
  maxSteps: number;
  maxTime: number;
  maxOutputBytes: number;
  maxTasks: number;
  /** User lines one step may run before it is a runaway (a loop without await); optional
   * so that option objects written before it existed stay valid (the default applies). */
  maxStepLines?: number;
  /** Sockets open at once on the virtual network; optional (default 4,096, set in
   * engine/python/runtime.py) so traces of programs without I/O keep their options. */
  maxSockets?: number;
  /** Bytes the program may send on the virtual network in all (default 256 MiB). */
  maxNetworkBytes?: number;
  /** Threads a run may start (threading.Thread and executor workers); optional, as above. */
  maxThreads?: number;
  /** Bytes a run may write to its in-memory files; optional, as above. */
  maxFileBytes?: number;
  /** Task state events (taskFrames, resource, resourceState, taskCancelled, deadlockCycle):
   * on unless false; left out when on, so traces keep their options. */
  capture?: boolean;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  seed: 0,
  maxSteps: 1_000_000,
  maxTime: 86_400,
  maxOutputBytes: 1_000_000,
  maxTasks: 100_000,
  maxStepLines: 20_000_000,
  // maxSockets (4,096), maxNetworkBytes (256 MiB), maxThreads (5,000) and maxFileBytes (64 MiB)
  // default in engine/python/: left out here so that traces (which record their options) stay
  // byte-identical for programs that do not set them.
};

export interface Trace {
  version: typeof TRACE_VERSION;
  /** The program as run, so a saved trace replays with its code. */
  source: string;
  fileName: string;
  options: RunOptions;
  actors: Actor[];
  steps: Step[];
  events: TraceEvent[];
  end: RunEnd;
}

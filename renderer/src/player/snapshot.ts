// The player's state at a cursor: what each lane holds, as the stage draws it and the DOM
// mirror reads it. A pure function of (model, step, options).
//
// The step being shown is "in progress": the actor that runs in it sits in the Loop lane, and
// everything else is where the lane fold leaves it after the step. So each step moves the
// previous runner to where it went and the next one from the run queue into the loop.
import { lanesAt } from '../../../common/lanes';
import { stoppedByEngine } from '../../../common/outcomes';
import type { Actor, ActorId, Outcome, RunEnd, StepKind, WaitKind, WaitReason } from '../../../common/trace';
import { resourceGroup } from './waitGroups';
import { lastLine, type PlayerModel } from './model';
import type { StepView } from './visibleSteps';
import { worldAt, type WorldSnapshot } from './world';

export type TokenState = 'ready' | 'running' | 'waiting' | 'timer' | 'done';

export interface Token {
  id: ActorId;
  label: string;
  /** For the tooltip: both of the task's names ("Task-3 · deposit(100)"), or its name and coroutine. */
  fullName: string;
  kind: 'task' | 'callback';
  internal: boolean;
  colour: number;
  state: TokenState;
  /** Second line: what it awaits, its deadline, or how it ended. */
  detail: string;
  /** Run queue only: the next one the loop takes. */
  head?: boolean;
  outcome?: Outcome['kind'];
  deadline?: number;
  /** The user line the task is at (its await, or the last line it ran). */
  line?: number;
}

export interface WaitGroup {
  key: string;
  kind: WaitKind | 'callbacks';
  title: string;
  tokens: Token[];
}

export interface StageSnapshot {
  step: number;
  /** How many steps are stepped through (visibleSteps.ts), and this one's position among them. */
  stepCount: number;
  position: number;
  kind: StepKind;
  time: number;
  iteration: number;
  clockJump: { from: number; to: number } | null;
  ready: Token[];
  running: Token | null;
  /** What the Loop lane says under (or instead of) the running token. */
  loopNote: string;
  waiting: WaitGroup[];
  done: Token[];
  /** Lines the running actor executed in this step (emphasised in the code). */
  linesRun: number[];
  showInternals: boolean;
  /** Worker threads and bytes in flight; null for a run without threads or network sends. */
  world: WorldSnapshot | null;
}

export interface SnapshotOptions {
  showInternals: boolean;
  /** The steps stepped through (default: all of them). */
  view?: StepView;
}

export function formatTime(t: number): string {
  return t.toFixed(3);
}

function outcomeDetail(o: Outcome, end: RunEnd): string {
  if (o.kind === 'result') return `✓ returned ${o.repr}`;
  if (stoppedByEngine(end, o)) return '■ stopped by Loopscope';
  if (o.kind === 'exception') return `✗ raised ${o.repr}`;
  return `⊘ cancelled`;
}

/** The running task's outcome as the end of a sentence ("b runs lines 11–13, then returns 'b'"). */
function endsWith(o: Outcome, end: RunEnd): string {
  if (o.kind === 'result') return `then returns ${o.repr}`;
  if (stoppedByEngine(end, o)) return 'until Loopscope stops it';
  if (o.kind === 'exception') return `then raises ${o.repr}`;
  return 'then is cancelled';
}

function waitDetail(r: WaitReason): string {
  return r.kind === 'timer' && r.deadline !== undefined ? `${r.expr} → ${formatTime(r.deadline)}` : r.expr;
}

const KIND_TITLES: Record<WaitKind, string> = {
  timer: 'Timers, by deadline',
  task: 'Awaiting',
  future: 'Future',
  lock: 'Lock',
  queue: 'Queue',
  event: 'Event',
  semaphore: 'Semaphore',
  condition: 'Condition',
  barrier: 'Barrier',
  io: 'I/O',
  other: 'Awaiting',
};

export function snapshotAt(model: PlayerModel, step: number, opts: SnapshotOptions): StageSnapshot {
  const { trace, info } = model;
  const lanes = lanesAt(model.index, step);
  const st = trace.steps[lanes.step];
  const visible = (id: ActorId) => opts.showInternals || !info[id]?.actor.internal;
  const runner = st?.kind === 'run' ? st.actor : undefined;
  const token = (id: ActorId, state: TokenState, detail: string, extra?: Partial<Token>): Token => {
    const i = info[id];
    return {
      id,
      label: i ? (callbackLabel(model, i.actor, state) ?? i.label) : `#${id}`,
      fullName: i ? fullName(model, id) : `#${id}`,
      kind: i?.actor.kind ?? 'task',
      internal: !!i?.actor.internal,
      colour: i?.colour ?? 0xffffff,
      state,
      detail,
      ...extra,
    };
  };
  const waitingOf = new Map(lanes.waiting.map((w) => [w.actor, w.reason]));
  const outcomeOf = new Map(lanes.done.map((d) => [d.actor, d.outcome]));

  const ready: Token[] = [];
  for (const id of lanes.ready) {
    if (id === runner || !visible(id)) continue;
    const line = lastLine(model, id, lanes.step);
    ready.push(
      token(id, 'ready', info[id]?.actor.kind === 'callback' ? 'callback' : 'ready to run', { line }),
    );
  }
  if (ready.length > 0) ready[0].head = true;

  // Waiting: tasks grouped by what they await, then armed callback timers.
  const groups = new Map<string, WaitGroup>();
  const timerTasks: Token[] = [];
  for (const { actor, reason } of lanes.waiting) {
    if (actor === runner || !visible(actor)) continue;
    const t = token(actor, 'waiting', waitDetail(reason), { deadline: reason.deadline, line: reason.line });
    if (reason.kind === 'timer') {
      timerTasks.push(t);
      continue;
    }
    // A lock, queue … the trace names: one group per resource, titled with its holder.
    const byResource = resourceGroup(trace, reason, lanes.step, (id) => info[id]?.label ?? `#${id}`);
    const key = byResource?.key ?? `${reason.kind}:${reason.expr}:${reason.targets?.join(',') ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const title = byResource?.title ?? `${KIND_TITLES[reason.kind]}: ${reason.expr}`;
      groups.set(key, (g = { key, kind: reason.kind, title, tokens: [] }));
    }
    g.tokens.push(t);
  }
  const waiting: WaitGroup[] = [];
  if (timerTasks.length > 0) {
    timerTasks.sort((a, b) => (a.deadline ?? 0) - (b.deadline ?? 0) || a.id - b.id);
    waiting.push({ key: 'timer', kind: 'timer', title: KIND_TITLES.timer, tokens: timerTasks });
  }
  waiting.push(...groups.values());
  const callbackTimers: Token[] = [];
  for (const { actor, deadline } of lanes.timers) {
    if (actor === runner || !visible(actor)) continue;
    const serves = info[actor]?.actor.serves;
    const forWhom = serves !== undefined ? ` for ${info[serves]?.label ?? serves}` : '';
    callbackTimers.push(token(actor, 'timer', `at ${formatTime(deadline)}${forWhom}`, { deadline }));
  }
  if (callbackTimers.length > 0) {
    const title = opts.showInternals ? 'Timer heap (loop._scheduled)' : 'call_later timers';
    waiting.push({ key: 'callback-timers', kind: 'callbacks', title, tokens: callbackTimers });
  }

  const done: Token[] = [];
  for (const { actor, outcome } of lanes.done) {
    if (actor === runner || !visible(actor)) continue;
    done.push(token(actor, 'done', outcomeDetail(outcome, trace.end).slice(2), { outcome: outcome.kind }));
  }

  let running: Token | null = null;
  let loopNote: string;
  let linesRun: number[] = [];
  if (runner !== undefined) {
    const reason = waitingOf.get(runner);
    const outcome = outcomeOf.get(runner);
    linesRun = linesOfStep(model, lanes.step, runner);
    const next = outcome
      ? endsWith(outcome, trace.end)
      : reason
        ? `then awaits ${waitDetail(reason)}`
        : 'then yields to the loop';
    const line = linesRun[linesRun.length - 1] ?? lastLine(model, runner, lanes.step);
    if (visible(runner)) {
      running = token(runner, 'running', line !== undefined ? `running, line ${line}` : 'running', { line });
      loopNote = `${running.label} runs${linesRun.length ? ` ${linesLabel(linesRun)}` : ''}, ${next}`;
    } else {
      const serves = info[runner]?.actor.serves;
      loopNote = `asyncio internals: ${info[runner]?.label ?? 'callback'}${serves !== undefined ? ` for ${info[serves]?.label}` : ''}`;
    }
  } else if (st?.kind === 'clock') {
    loopNote = `nothing is ready: the clock jumps to ${formatTime(st.time)}`;
  } else if (st?.kind === 'start') {
    // A program that does not compile (or never calls asyncio.run first) creates no task here.
    loopNote = lanes.spawned.length > 0 ? 'the loop has not started yet' : 'the program starts';
    linesRun = st.lines ?? [];
  } else if (st?.kind === 'main') {
    loopNote = "the loop is not running: the program's top level runs";
    linesRun = st.lines ?? [];
  } else if (st?.kind === 'end') {
    // How it ended is said once, in the narration strip (renderer/src/panels/Narration.svelte).
    loopNote = 'the run is over';
  } else {
    loopNote = 'idle';
  }

  let clockJump: StageSnapshot['clockJump'] = null;
  if (st?.kind === 'clock') {
    const prev = trace.steps[lanes.step - 1];
    clockJump = { from: prev?.time ?? 0, to: st.time };
  }

  return {
    step: lanes.step,
    stepCount: opts.view?.count ?? trace.steps.length,
    position: opts.view?.position(lanes.step) ?? lanes.step,
    kind: st?.kind ?? 'end',
    time: lanes.time,
    iteration: st?.iteration ?? 0,
    clockJump,
    ready,
    running,
    loopNote,
    waiting,
    done,
    linesRun,
    showInternals: opts.showInternals,
    world: worldAt(model, lanes.step, lanes.time, lanes.waiting, opts.showInternals),
  };
}

function fullName(model: PlayerModel, id: ActorId): string {
  const a = model.info[id].actor;
  const cpython = model.names.cpython[id];
  const friendly = model.names.friendly[id];
  if (friendly !== cpython) return `${cpython} · ${friendly}`;
  return `${cpython}${a.coro ? ` · coroutine ${a.coro}()` : ''}`;
}

function linesLabel(lines: number[]): string {
  const lo = Math.min(...lines);
  const hi = Math.max(...lines);
  return lo === hi ? `line ${lo}` : `lines ${lo}–${hi}`;
}

/**
 * asyncio's own callbacks are named for whom they work, which says more on a small token than
 * "futures._set_result_unless_cancelled": "timer → b" while armed, "_done_callback → a" when ready.
 */
function callbackLabel(model: PlayerModel, a: Actor, state: TokenState): string | undefined {
  if (a.kind !== 'callback' || !a.internal || a.serves === undefined) return undefined;
  const whom = model.info[a.serves]?.label ?? `#${a.serves}`;
  if (state === 'timer') return `timer → ${whom}`;
  const short = a.name.split('.').pop() ?? a.name;
  return `${short.length > 14 ? short.slice(0, 13) + '…' : short} → ${whom}`;
}

/** User lines `actor` executed in `step`. */
export function linesOfStep(model: PlayerModel, step: number, actor: ActorId): number[] {
  const { steps, events } = model.trace;
  const st = steps[step];
  if (!st) return [];
  const end = step + 1 < steps.length ? steps[step + 1].firstEvent : events.length;
  for (let i = st.firstEvent; i < end; i++) {
    const e = events[i];
    if (e.t === 'afterTaskStep' && e.actor === actor) return e.lines;
  }
  return [];
}

/** Every token on the stage, for code markers and the mirror. */
export function allTokens(s: StageSnapshot): Token[] {
  const out = [...s.ready];
  if (s.running) out.push(s.running);
  for (const g of s.waiting) out.push(...g.tokens);
  out.push(...s.done);
  return out;
}

// One plain sentence per step, in Python terms ("b awaits asyncio.sleep(0.1) and waits until
// t=0.100; next the loop takes c from the run queue"). Pure: reads only the step's own events.
import { stoppedByEngine } from '../../../common/outcomes';
import type { ActorId, Outcome, RunEnd, TraceEvent } from '../../../common/trace';
import { arrivalSentence, ioParts } from './ioNarration';
import { endWords, type PlayerModel } from './model';
import { formatTime } from './snapshot';

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length > 4) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function quote(text: string): string {
  const t = text.replace(/\n$/, '');
  return `"${t.length > 40 ? t.slice(0, 39) + '…' : t}"`;
}

function ending(o: Outcome, end: RunEnd): string {
  if (o.kind === 'result') return `returns ${o.repr} and is done`;
  if (stoppedByEngine(end, o))
    return 'never awaits, so Loopscope stops it (the KeyboardInterrupt is the engine’s, not the program’s)';
  if (o.kind === 'exception') return `raises ${o.repr} and is done`;
  return 'is cancelled';
}

/** The callbacks a ready socket puts in the run queue (asyncio's selector_events.py). */
const SOCKET_CALLBACK = /\.(_read_ready|_write_ready|_accept_connection|_sock_\w+)$|^_accept_connection$/;

function stepEvents(model: PlayerModel, step: number): TraceEvent[] {
  const { steps, events } = model.trace;
  const st = steps[step];
  const end = step + 1 < steps.length ? steps[step + 1].firstEvent : events.length;
  return st ? events.slice(st.firstEvent, end) : [];
}

export function narrate(model: PlayerModel, step: number): string {
  const { steps } = model.trace;
  const st = steps[step];
  if (!st) return '';
  const name = (id: ActorId) => model.info[id]?.label ?? `#${id}`;
  const evs = stepEvents(model, step);
  const next = steps[step + 1];
  const thenNext =
    next?.kind === 'run' && next.actor !== undefined && !model.info[next.actor]?.actor.internal
      ? `; next the loop takes ${name(next.actor)} from the run queue`
      : next?.kind === 'clock'
        ? '; now nothing is ready'
        : '';

  if (st.kind === 'start') {
    const spawned = evs.filter((e) => e.t === 'taskSpawned').map((e) => name(e.actor));
    // No task yet: the program did not compile, or its top level runs before asyncio.run().
    if (spawned.length === 0) return 'The program starts.';
    return `The program starts: asyncio.run() creates ${list(spawned)} and puts it in the run queue.`;
  }
  if (st.kind === 'clock') {
    const from = steps[step - 1]?.time ?? 0;
    // [threads] A jump to a worker thread's finishing time schedules asyncio's _set_state (the
    // wrap_future chain's call_soon_threadsafe) in the clock step itself.
    const worker = evs.some(
      (e) => e.t === 'taskScheduled' && (model.info[e.actor]?.actor.name ?? '').endsWith('_set_state'),
    );
    if (worker)
      return `Nothing is ready, so the virtual clock jumps from ${formatTime(from)} to ${formatTime(st.time)}, when a worker thread's job finishes: its result is handed to the loop with call_soon_threadsafe.`;
    const socket = evs.some(
      (e) => e.t === 'taskScheduled' && SOCKET_CALLBACK.test(model.info[e.actor]?.actor.name ?? ''),
    );
    if (socket) {
      const arrived = arrivalSentence(model, step, list);
      return `Nothing is ready, so the virtual clock jumps from ${formatTime(from)} to ${formatTime(st.time)}, when bytes or a connection arrive on a socket: ${arrived || 'the selector puts its callback in the run queue'}.`;
    }
    return `Nothing is ready, so the virtual clock jumps from ${formatTime(from)} to ${formatTime(st.time)}, the earliest timer.`;
  }
  // How the run ended, said once (the narration strip shows it at the last step only).
  if (st.kind === 'end') return endWords(model);
  if (st.kind === 'main') {
    // Outside the loop: asyncio.run() tidying up after main returned, or code after it.
    const lines = st.lines?.length ? ` runs line ${st.lines.join(', ')}` : ' runs';
    const printed = evs.filter((e) => e.t === 'output').length;
    const prints = printed ? ` and prints ${printed === 1 ? 'a line' : `${printed} lines`}` : '';
    const spawned = evs.some((e) => e.t === 'taskSpawned') ? '; asyncio.run() starts a clean-up task' : '';
    return `The loop is not running: the program's top level${lines}${prints}${spawned}.`;
  }

  const actor = st.actor ?? 0;
  const internal = model.info[actor]?.actor.internal;
  const woken = evs.filter(
    (e): e is Extract<TraceEvent, { t: 'taskScheduled' }> =>
      e.t === 'taskScheduled' && e.actor !== actor && model.info[e.actor]?.actor.kind === 'task',
  );
  if (internal) {
    const serves = model.info[actor]?.actor.serves;
    const whose = serves !== undefined ? `${name(serves)}'s ` : '';
    // asyncio's own tasks (asyncio.run's shutdown_asyncgens) by their coroutine, not `Task-5`.
    const task = model.info[actor]?.actor.kind === 'task';
    const what = task ? name(actor) : (model.info[actor]?.actor.name ?? 'callback');
    if (task) return `asyncio runs its own task ${what} (asyncio.run's clean-up).`;
    if (woken.length > 0)
      return `asyncio runs ${whose}internal callback (${what}), which wakes ${list(woken.map((e) => name(e.actor)))}: it joins the run queue.`;
    return `asyncio runs ${whose}internal callback (${what}); nobody is woken yet.`;
  }

  const parts: string[] = [];
  const spawned = evs.filter((e) => e.t === 'taskSpawned').map((e) => name(e.actor));
  if (spawned.length > 0) parts.push(`creates ${list(spawned)} (into the run queue)`);
  const printed = evs.filter((e) => e.t === 'output').map((e) => (e.t === 'output' ? e.text : ''));
  if (printed.length === 1) parts.push(`prints ${quote(printed[0])}`);
  else if (printed.length > 1) parts.push(`prints ${printed.length} lines`);
  parts.push(...ioParts(evs, st.time));
  const wokenHere = woken.filter((e) => !spawned.includes(name(e.actor)));
  if (wokenHere.length > 0) parts.push(`wakes ${list(wokenHere.map((e) => name(e.actor)))}`);
  for (const e of evs) {
    if (e.t === 'taskWaiting' && e.actor === actor) {
      const r = e.reason;
      if (r.kind === 'timer' && r.deadline !== undefined)
        parts.push(`awaits ${r.expr} until t=${formatTime(r.deadline)}`);
      else if (r.kind === 'io' && r.deadline !== undefined && r.expr.includes(' on worker '))
        // Threads run their job whole when it is submitted (engine/python/world/README.md).
        parts.push(
          `awaits ${r.expr} (the job ran when submitted: its output is above) and waits for its result at t=${formatTime(r.deadline)}`,
        );
      else parts.push(`awaits ${r.expr}`);
    } else if (e.t === 'taskExited' && e.actor === actor) parts.push(ending(e.outcome, model.trace.end));
    else if (e.t === 'taskScheduled' && e.actor === actor)
      parts.push('yields and goes back to the end of the run queue');
  }
  if (parts.length === 0) parts.push('runs');
  const kind = model.info[actor]?.actor.kind === 'callback' ? 'The callback ' : '';
  // Names keep their case ("b awaits …"): Python names are case-sensitive.
  return `${kind}${name(actor)} ${list(parts)}${thenNext}.`;
}

// The I/O half of a step's sentence: bytes a clock jump met on the network and whom they wake
// ("95 bytes from example.com:80 arrive at t=1.210: download wakes"), and what a task's step
// sent or handed to a worker thread. Pure; reads the trace's bytesSent and threadJob events.
import { arrivalsIn, type Send } from '../../../common/ioTrail';
import { lanesAt } from '../../../common/lanes';
import type { ActorId, TraceEvent } from '../../../common/trace';
import type { PlayerModel } from './model';
import { formatTime } from './snapshot';
import { ARRIVAL_EPSILON, formatBytes } from './world';

/** Steps looked through after a jump for the tasks its arrivals wake (all at the jump's time). */
const WAKE_LOOKAHEAD = 4000;

/** "2,048 bytes from example.com:80", or a sum over many senders. */
function fromWhom(sends: Send[]): string {
  const byPeer = new Map<string, number>();
  for (const s of sends) byPeer.set(s.from, (byPeer.get(s.from) ?? 0) + s.bytes);
  const total = sends.reduce((n, s) => n + s.bytes, 0);
  if (byPeer.size === 1) return `${formatBytes(total)} from ${sends[0].from}`;
  if (byPeer.size === 2)
    return [...byPeer].map(([peer, n]) => `${formatBytes(n)} from ${peer}`).join(' and ');
  return `${formatBytes(total)} from ${byPeer.size.toLocaleString('en-US')} senders`;
}

/**
 * The tasks the arrivals wake: those waiting to read from a sender that the steps at the jump's
 * time schedule (the selector's callback runs first, then the reader's task is woken).
 */
function wokenBy(model: PlayerModel, step: number, peers: Set<string>): ActorId[] {
  const { steps, events } = model.trace;
  const readers = new Set<ActorId>();
  for (const { actor, reason } of lanesAt(model.index, step).waiting)
    if (reason.kind === 'io' && reason.expr.startsWith('read from ') && peers.has(reason.expr.slice(10)))
      readers.add(actor);
  const woken: ActorId[] = [];
  const time = steps[step].time;
  for (let s = step + 1; s < steps.length && s <= step + WAKE_LOOKAHEAD && steps[s].time === time; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = steps[s].firstEvent; i < end; i++) {
      const e = events[i];
      if (e.t === 'taskScheduled' && readers.delete(e.actor)) woken.push(e.actor);
    }
    if (readers.size === 0) break;
  }
  return woken;
}

/** For a clock step: "95 bytes from example.com:80 arrive at t=1.210: download wakes", or ''. */
export function arrivalSentence(model: PlayerModel, step: number, list: (names: string[]) => string): string {
  const { steps } = model.trace;
  const st = steps[step];
  // What arrived at the jump's time (within a rounding of it), not what a built-in server read
  // on its own meanwhile; ARRIVAL_EPSILON keeps nanosecond-apart arrivals of one round together.
  const from = Math.max(steps[step - 1]?.time ?? 0, st.time - ARRIVAL_EPSILON);
  const sends = arrivalsIn(model.io, step, from, st.time);
  if (sends.length === 0) return '';
  const arrive = `${fromWhom(sends)} arrive at t=${formatTime(st.time)}`;
  const woken = wokenBy(model, step, new Set(sends.map((s) => s.from))).map(
    (id) => model.info[id]?.label ?? `#${id}`,
  );
  if (woken.length === 0) return arrive;
  return `${arrive}: ${list(woken)} ${woken.length === 1 ? 'wakes' : 'wake'}`;
}

/** What a step's code sent (at the step's time: a built-in server's later answer is not its
 * own) and handed to worker threads, as parts of its sentence. */
export function ioParts(evs: readonly TraceEvent[], time: number): string[] {
  const parts: string[] = [];
  const sent = evs.filter(
    (e): e is Extract<TraceEvent, { t: 'bytesSent' }> =>
      e.t === 'bytesSent' && e.sent <= time + ARRIVAL_EPSILON,
  );
  if (sent.length === 1)
    parts.push(
      `sends ${formatBytes(sent[0].bytes)} to ${sent[0].to} (arriving at t=${formatTime(sent[0].arrives)})`,
    );
  else if (sent.length > 1)
    parts.push(`sends ${formatBytes(sent.reduce((n, e) => n + e.bytes, 0))} in ${sent.length} messages`);
  const jobs = evs.filter((e): e is Extract<TraceEvent, { t: 'threadJob' }> => e.t === 'threadJob');
  if (jobs.length === 1)
    parts.push(
      `hands ${jobs[0].job} to thread ${jobs[0].thread} (it runs from t=${formatTime(jobs[0].start)} to t=${formatTime(jobs[0].end)})`,
    );
  else if (jobs.length > 1)
    parts.push(
      `hands ${jobs.length} jobs to ${new Set(jobs.map((j) => j.thread)).size} threads (the last ends at t=${formatTime(Math.max(...jobs.map((j) => j.end)))})`,
    );
  return parts;
}

// The world beside the lanes at a cursor: the worker threads with the job each runs, and the
// bytes in flight between two endpoints with when they arrive. A pure function of (model, step,
// lanes' waits), like snapshot.ts; null for a run that never used a thread or the network, so
// those stages keep their whole height for the lanes.
import { arrivalsIn, inFlightAt, threadsAt, type Send } from '../../../common/ioTrail';
import type { ActorId, WaitReason } from '../../../common/trace';
import type { PlayerModel } from './model';

/** Packets listed one by one at most; the rest are summed ("+N more, B bytes"). */
export const MAX_PACKETS = 40;
/** Threads listed one by one at most; the rest are counted. */
export const MAX_THREADS = 40;
/** Arrivals this close to a clock jump's time arrived with it (one round of nanosecond-apart sends). */
export const ARRIVAL_EPSILON = 1e-6;

export interface ThreadLine {
  thread: string;
  /** The job it runs now ("fetch"), or '' when idle. */
  job: string;
  /** "0.000 → 1.000", "idle, 3 done", "idle, 2 queued". */
  detail: string;
  /** 0..1 of the running job's time at this step; -1 when idle. */
  progress: number;
}

export interface Packet {
  /** Stable across steps (the stage tweens it along its track). */
  key: string;
  from: string;
  to: string;
  bytes: number;
  sent: number;
  arrives: number;
  /** 0..1: how far it is from `from` to `to` at this time. */
  progress: number;
  /** At a clock jump: it arrived with the jump (drawn at its receiver, having travelled). */
  arrived: boolean;
  /** The task waiting to read from `from`, when only one does (so it is the one this wakes);
   * '' when none or several do (waits name the peer, not the local end). */
  reader: string;
}

export interface WorldSnapshot {
  /** Whether the run ever uses a worker thread / sends on the network (the stage keeps their
   * boxes for the whole run, so nothing jumps when the first one comes). */
  threadsEver: boolean;
  networkEver: boolean;
  /** The most rows a box needs at any step of the run (threads, or messages at once). */
  rowsEver: number;
  threads: ThreadLine[];
  /** Threads beyond MAX_THREADS, and how many of them are busy. */
  threadsMore: number;
  busyMore: number;
  /** In flight, earliest arrival first. */
  packets: Packet[];
  packetsMore: number;
  bytesMore: number;
}

export function formatBytes(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'byte' : 'bytes'}`;
}

function threadLine(row: ReturnType<typeof threadsAt>[number], time: number): ThreadLine {
  const j = row.job;
  if (j) {
    const span = j.end - j.start;
    return {
      thread: row.thread,
      job: j.job,
      detail: `${j.start.toFixed(3)}–${j.end.toFixed(3)}${row.queued ? `, ${row.queued} queued` : ''}`,
      progress: span > 0 ? Math.max(0, Math.min(1, (time - j.start) / span)) : 1,
    };
  }
  const parts = ['idle'];
  if (row.finished) parts.push(`${row.finished} done`);
  if (row.queued) parts.push(`${row.queued} queued`);
  return { thread: row.thread, job: '', detail: parts.join(', '), progress: -1 };
}

/** Who waits to read from each endpoint ("read from example.com:80" -> its tasks' labels). */
export function readersByPeer(
  model: PlayerModel,
  waiting: readonly { actor: ActorId; reason: WaitReason }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { actor, reason } of waiting) {
    if (reason.kind !== 'io' || !reason.expr.startsWith('read from ')) continue;
    const peer = reason.expr.slice('read from '.length);
    const names = out.get(peer) ?? [];
    names.push(model.info[actor]?.label ?? `#${actor}`);
    out.set(peer, names);
  }
  return out;
}

function packet(s: Send, time: number, reader: string, arrived: boolean): Packet {
  const span = s.arrives - s.sent;
  return {
    key: `${s.step}|${s.from}|${s.to}|${s.arrives}`,
    from: s.from,
    to: s.to,
    bytes: s.bytes,
    sent: s.sent,
    arrives: s.arrives,
    progress: arrived || span <= 0 ? 1 : Math.max(0, Math.min(1, (time - s.sent) / span)),
    arrived,
    reader,
  };
}

export function worldAt(
  model: PlayerModel,
  step: number,
  time: number,
  waiting: readonly { actor: ActorId; reason: WaitReason }[],
  internals = false,
): WorldSnapshot | null {
  const { io } = model;
  const threadsEver = (internals ? io.allThreads : io.threads).length > 0;
  if (!threadsEver && io.sends.length === 0) return null;
  const rows = threadsAt(io, step, time, internals);
  const threads = rows.slice(0, MAX_THREADS).map((r) => threadLine(r, time));
  const rest = rows.slice(MAX_THREADS);
  const flying = inFlightAt(io, step, time);
  // A clock jump also shows what it met, at the receiving end: the packet travels in its tween.
  const st = model.trace.steps[step];
  const prev = model.trace.steps[step - 1];
  const landed =
    st?.kind === 'clock' && prev
      ? arrivalsIn(io, step, Math.max(prev.time, st.time - ARRIVAL_EPSILON), st.time)
      : [];
  const readers = readersByPeer(model, waiting);
  const readerOf = (s: Send) => (readers.get(s.from)?.length === 1 ? readers.get(s.from)![0] : '');
  const all = [
    ...landed.map((s) => packet(s, time, readerOf(s), true)),
    ...flying.map((s) => packet(s, time, readerOf(s), false)),
  ];
  const more = all.slice(MAX_PACKETS);
  return {
    threadsEver,
    networkEver: io.sends.length > 0,
    rowsEver: Math.min(
      Math.max(MAX_THREADS, MAX_PACKETS),
      Math.max((internals ? io.allThreads : io.threads).length, io.maxInFlight),
    ),
    threads,
    threadsMore: rest.length,
    busyMore: rest.filter((r) => r.job !== null).length,
    packets: all.slice(0, MAX_PACKETS),
    packetsMore: more.length,
    bytesMore: more.reduce((n, p) => n + p.bytes, 0),
  };
}

// The world beside the lanes at a cursor: the worker threads with the job each runs, and the
// bytes in flight between two endpoints with when they arrive. A pure function of (model, step,
// lanes' waits), like snapshot.ts; null for a run that never used a thread or the network, so
// those stages keep their whole height for the lanes.
import { inFlightAt, threadsAt } from '../../../common/ioTrail';
import type { ActorId, WaitReason } from '../../../common/trace';
import type { PlayerModel } from './model';

/** Packets listed one by one at most; the rest are summed ("+N more, B bytes"). */
export const MAX_PACKETS = 40;
/** Threads listed one by one at most; the rest are counted. */
export const MAX_THREADS = 40;

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
  /** The task waiting to read from `from`, when only one does (so it is the one this wakes);
   * '' when none or several do (waits name the peer, not the local end). */
  reader: string;
}

export interface WorldSnapshot {
  /** Whether the run ever uses a worker thread / sends on the network (the stage keeps their
   * boxes for the whole run, so nothing jumps when the first one comes). */
  threadsEver: boolean;
  networkEver: boolean;
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
      detail: `${j.start.toFixed(3)} → ${j.end.toFixed(3)}${row.queued ? `, ${row.queued} queued` : ''}`,
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

export function worldAt(
  model: PlayerModel,
  step: number,
  time: number,
  waiting: readonly { actor: ActorId; reason: WaitReason }[],
): WorldSnapshot | null {
  const { io } = model;
  if (io.jobs.length === 0 && io.sends.length === 0) return null;
  const rows = threadsAt(io, step, time);
  const threads = rows.slice(0, MAX_THREADS).map((r) => threadLine(r, time));
  const rest = rows.slice(MAX_THREADS);
  const flying = inFlightAt(io, step, time);
  const readers = readersByPeer(model, waiting);
  const packets = flying.slice(0, MAX_PACKETS).map((s) => ({
    key: `${s.step}|${s.from}|${s.to}|${s.arrives}`,
    from: s.from,
    to: s.to,
    bytes: s.bytes,
    sent: s.sent,
    arrives: s.arrives,
    progress: s.arrives > s.sent ? Math.max(0, Math.min(1, (time - s.sent) / (s.arrives - s.sent))) : 1,
    reader: readers.get(s.from)?.length === 1 ? readers.get(s.from)![0] : '',
  }));
  const more = flying.slice(MAX_PACKETS);
  return {
    threadsEver: io.jobs.length > 0,
    networkEver: io.sends.length > 0,
    threads,
    threadsMore: rest.length,
    busyMore: rest.filter((r) => r.job !== null).length,
    packets,
    packetsMore: more.length,
    bytesMore: more.reduce((n, s) => n + s.bytes, 0),
  };
}

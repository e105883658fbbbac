// The task state ops (engine/python/capture.py, resources.py) decoded into trace events:
// taskFrames, resource, resourceState, taskCancelled, and the resource a wait is on. They come
// after their step's END (or before a stage op), so they never begin a step (host.ts).

import type { ActorId, Frame, ResourceKind, TraceEvent } from '../../common/trace';

/** Op codes: must match engine/python/ops.py; they follow host.ts's Op (tests/unit/op-tables.test.ts). */
export const enum CaptureOp {
  FRAMES = 21,
  RESOURCE,
  RSTATE,
  CANCELLED,
  WAITRES,
}

/** resources.py's RESOURCE_KINDS, in order. */
const RESOURCE_KINDS: ResourceKind[] = ['lock', 'semaphore', 'event', 'condition', 'queue', 'barrier'];

function sameFrame(
  a: Frame,
  fn: string,
  line: number,
  internal: boolean,
  locals: [string, string][],
): boolean {
  if (a.fn !== fn || a.line !== line || (a.internal === true) !== internal) return false;
  if (a.locals.length !== locals.length) return false;
  for (let k = 0; k < locals.length; k++)
    if (a.locals[k][0] !== locals[k][0] || a.locals[k][1] !== locals[k][1]) return false;
  return true;
}

export class CaptureDecoder {
  /** The resource the next WAIT op waits on (WAITRES comes just before it), or 0. */
  private waitResource = 0;
  /** Each actor's last frames: an unchanged frame is the same object (traces are immutable). */
  private readonly lastFrames: Frame[][] = [];

  constructor(
    private readonly events: TraceEvent[],
    private readonly strings: string[],
  ) {}

  /** The resource of the WAIT being decoded (0: none), read once. */
  takeWaitResource(): number {
    const r = this.waitResource;
    this.waitResource = 0;
    return r;
  }

  /** Decodes the capture op at d[i]; returns the index after it. */
  decode(d: Float64Array, i: number): number {
    const str = this.strings;
    switch (d[i] as CaptureOp) {
      case CaptureOp.FRAMES:
        return this.frames(d, i);
      case CaptureOp.RESOURCE: {
        const event: TraceEvent = {
          t: 'resource',
          id: d[i + 1],
          kind: RESOURCE_KINDS[d[i + 2]],
          name: str[d[i + 3]],
        };
        if (d[i + 4] > 0) event.line = d[i + 4];
        this.events.push(event);
        return i + 5;
      }
      case CaptureOp.RSTATE: {
        const nh = d[i + 3];
        const holders = Array.from(d.subarray(i + 4, i + 4 + nh));
        const nw = d[i + 4 + nh];
        const waiters = Array.from(d.subarray(i + 5 + nh, i + 5 + nh + nw));
        const event: TraceEvent = { t: 'resourceState', id: d[i + 1], holders, waiters };
        if (d[i + 2] >= 0) event.value = str[d[i + 2]];
        this.events.push(event);
        return i + 5 + nh + nw;
      }
      case CaptureOp.CANCELLED: {
        const event: TraceEvent = { t: 'taskCancelled', actor: d[i + 1] };
        if (d[i + 2] > 0) event.by = d[i + 2];
        this.events.push(event);
        return i + 3;
      }
      case CaptureOp.WAITRES:
        this.waitResource = d[i + 1];
        return i + 2;
      default:
        throw new Error(`unknown op ${d[i]} at ${i}`);
    }
  }

  private frames(d: Float64Array, i: number): number {
    const actor: ActorId = d[i + 1];
    const capped = d[i + 2] === 1;
    const n = d[i + 3];
    const str = this.strings;
    const last = this.lastFrames[actor] ?? [];
    const frames: Frame[] = [];
    let at = i + 4;
    for (let f = 0; f < n; f++) {
      const fn = str[d[at]];
      const line = d[at + 1];
      const internal = d[at + 2] === 1;
      const count = d[at + 3];
      at += 4;
      const locals: [string, string][] = [];
      for (let k = 0; k < count; k++, at += 2) locals.push([str[d[at]], str[d[at + 1]]]);
      const prev = last[f];
      if (prev !== undefined && sameFrame(prev, fn, line, internal, locals)) frames.push(prev);
      else {
        const frame: Frame = { fn, line, locals };
        if (internal) frame.internal = true;
        frames.push(frame);
      }
    }
    this.lastFrames[actor] = frames;
    const event: TraceEvent = { t: 'taskFrames', actor, frames };
    if (capped) event.capped = true;
    this.events.push(event);
    return at;
  }
}

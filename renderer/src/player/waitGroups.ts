// The waiting lane's group for a task that waits on a lock, queue, semaphore … : one group per
// resource, titled with its holder ("Lock savings · held by bob"), so that two tasks each
// waiting on the lock the other holds show as two groups, not one "async with second_lock".
import type { ActorId, Trace, WaitReason } from '../../../common/trace';
import { resourceAt, taskIndexOf } from './taskIndex';

export interface ResourceGroup {
  key: string;
  title: string;
}

/** The group for `reason` at `step`, or null when the wait names no resource the trace made. */
export function resourceGroup(
  trace: Trace,
  reason: WaitReason,
  step: number,
  label: (actor: ActorId) => string,
): ResourceGroup | null {
  if (reason.resource === undefined) return null;
  const r = resourceAt(taskIndexOf(trace), reason.resource, step);
  if (!r) return null;
  const kind = r.kind[0].toUpperCase() + r.kind.slice(1);
  const state = r.holders.length ? `held by ${r.holders.map(label).join(', ')}` : (r.value ?? '');
  return { key: `resource:${r.id}`, title: state ? `${kind} ${r.name} · ${state}` : `${kind} ${r.name}` };
}

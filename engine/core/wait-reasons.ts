// The reasons tasks wait for, as the trace records them: tasks that wait on the same thing in a
// row (a gather's children sleeping the same time) share one reason object, which is immutable
// once recorded, so a run of 100,000 waits allocates a reason only where the reason changes.

import type { ActorId, WaitKind, WaitReason } from '../../common/trace';

export class WaitReasons {
  private last: WaitReason | null = null;

  /** The reason for a wait: the previous one when it says the same (a wait on tasks never shares). */
  reason(
    kind: WaitKind,
    expr: string,
    line: number,
    deadline: number,
    targets: ActorId[],
    resource: number,
  ): WaitReason {
    let reason = this.last;
    if (
      reason === null ||
      targets.length > 0 ||
      reason.targets !== undefined ||
      reason.kind !== kind ||
      reason.expr !== expr ||
      (reason.deadline ?? -1) !== (deadline >= 0 ? deadline : -1) ||
      (reason.line ?? 0) !== line ||
      (reason.resource ?? 0) !== resource
    ) {
      reason = { kind, expr };
      if (deadline >= 0) reason.deadline = deadline;
      if (targets.length > 0) reason.targets = targets;
      if (line) reason.line = line;
      if (resource) reason.resource = resource;
      this.last = reason;
    }
    return reason;
  }
}

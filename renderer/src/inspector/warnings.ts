// Warnings as marks: where each one goes on the timeline (its step, the task's row; a blocked
// loop also marks the span it blocked and the ticks it made late) and what its one-line
// explanation says. Pure: from the task index and the player's model.
import type { ActorId, WarningKind } from '../../../common/trace';
import { lastAtOrBefore } from '../../../common/stepSearch';
import type { PlayerModel } from '../player/model';
import { formatTime } from '../player/snapshot';
import type { PlacedWarning, TaskIndex } from '../player/taskIndex';

export const WARNING_TITLES: Record<WarningKind, string> = {
  blockedLoop: 'Blocked loop',
  neverAwaited: 'Never awaited',
  exceptionNeverRetrieved: 'Exception never retrieved',
  pendingCollected: 'Task lost while pending',
  deadlockCycle: 'Deadlock cycle',
};

/** One line a teacher can read out: the kind in words, then the engine's message. */
export function warningText(w: PlacedWarning): string {
  return `${WARNING_TITLES[w.kind]}: ${w.event.message}`;
}

export interface WarningMark {
  /** Position in the trace's warning list (stable key). */
  key: string;
  kind: WarningKind | 'overdue';
  step: number;
  /** A span's end (exclusive); equal to step + 1 for a point mark. */
  toStep: number;
  /** The task whose timeline row carries it; null: the whole timeline (no row). */
  actor: ActorId | null;
  text: string;
}

/** The task a warning is about: its actor, or the task a callback works for. */
export function taskOf(model: PlayerModel, actor: ActorId | undefined): ActorId | null {
  if (actor === undefined) return null;
  const a = model.info[actor]?.actor;
  if (!a) return null;
  if (a.kind === 'task') return actor;
  return a.serves ?? null;
}

export function warningMarks(model: PlayerModel, index: TaskIndex): WarningMark[] {
  const marks: WarningMark[] = [];
  index.warnings.forEach((w, i) => {
    const actor = taskOf(model, w.event.actor);
    marks.push({
      key: `w${i}`,
      kind: w.kind,
      step: w.step,
      toStep: w.step + 1,
      actor,
      text: warningText(w),
    });
    if (w.kind !== 'blockedLoop') return;
    // Each timer the block made late: the step its task ran next, after the blocking one.
    for (const [j, late] of (w.event.overdue ?? []).entries()) {
      const task = taskOf(model, late.actor);
      if (task === null) continue;
      const runs = model.runSteps.get(task) ?? [];
      const next = runs[lastAtOrBefore(runs, w.step) + 1];
      if (next === undefined) continue;
      const name = model.info[task]?.label ?? `#${task}`;
      marks.push({
        key: `w${i}o${j}`,
        kind: 'overdue',
        step: next,
        toStep: next + 1,
        actor: task,
        text: `Overdue: ${name} runs ${formatTime(late.by)} s after its timer was due, because the loop was blocked`,
      });
    }
  });
  return marks;
}

/** The marks to show at `step` (on the stage and in words). */
export function marksAt(marks: readonly WarningMark[], step: number): WarningMark[] {
  return marks.filter((m) => m.step === step);
}

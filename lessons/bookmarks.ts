// Finds the step a lesson bookmark names in a run's trace. Pure: the player jumps there, the
// timeline draws a mark there, and the lesson tests check that every bookmark is found.
// Times compare with a small tolerance because 0.1 + 0.2 is not 0.3 in floating point.

import type { ActorId, Trace } from '../common/trace';
import type { Bookmark, BookmarkCondition } from './lessons';

/** Virtual times closer than this are the same moment (a float's rounding, not a real gap). */
const SAME_TIME = 1e-9;

/** The index of the step the condition names, or -1 when the run never gets there. */
export function findBookmarkStep(trace: Trace, condition: BookmarkCondition): number {
  const { steps } = trace;
  switch (condition.kind) {
    case 'time':
      return steps.findIndex((step) => step.time >= condition.time - SAME_TIME);
    case 'end':
      return steps.length - 1;
    case 'output': {
      // A print may arrive in several chunks ("b: finished", "\n"): match the step's whole output.
      for (let s = 0; s < steps.length; s++) {
        if (stepOutput(trace, s).includes(condition.text)) return s;
      }
      return -1;
    }
    case 'task': {
      const ids = new Set(
        trace.actors
          .filter((a) => a.kind === 'task' && (a.name === condition.task || a.coro === condition.task))
          .map((a) => a.id),
      );
      const wanted = { starts: 'beforeTaskStep', waits: 'taskWaiting', finishes: 'taskExited' }[
        condition.event
      ];
      return firstStepWith(trace, (e) => e.t === wanted && ids.has((e as { actor: ActorId }).actor));
    }
    case 'line':
      return firstStepWith(trace, (e) => e.t === 'afterTaskStep' && e.lines.includes(condition.line));
    case 'clock':
      return firstStepWith(
        trace,
        (e) =>
          e.t === 'clockAdvanced' &&
          (condition.to === undefined || Math.abs(e.to - condition.to) < SAME_TIME),
      );
  }
}

export interface PlacedBookmark {
  step: number;
  when: string;
  caption: string;
}

/** The bookmarks the run reaches, in step order (for the timeline's marks and the jump key). */
export function placeBookmarks(trace: Trace, bookmarks: readonly Bookmark[]): PlacedBookmark[] {
  return bookmarks
    .map(({ when, condition, caption }) => ({ step: findBookmarkStep(trace, condition), when, caption }))
    .filter((placed) => placed.step >= 0)
    .sort((a, b) => a.step - b.step);
}

function eventRange(trace: Trace, step: number): [number, number] {
  const next = trace.steps[step + 1];
  return [trace.steps[step].firstEvent, next ? next.firstEvent : trace.events.length];
}

function stepOutput(trace: Trace, step: number): string {
  const [from, to] = eventRange(trace, step);
  let text = '';
  for (let i = from; i < to; i++) {
    const event = trace.events[i];
    if (event.t === 'output') text += event.text;
  }
  return text;
}

function firstStepWith(trace: Trace, test: (event: Trace['events'][number]) => boolean): number {
  for (let s = 0; s < trace.steps.length; s++) {
    const [from, to] = eventRange(trace, s);
    for (let i = from; i < to; i++) if (test(trace.events[i])) return s;
  }
  return -1;
}

// The status bar's and the progress meter's words, from the runner and the player. Pure.
import type { Trace } from '../../../common/trace';
export { progressText } from './progress';

/** "1 task", "3 tasks". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** `stepCount`: the steps stepped through (with internals off, asyncio's own are not counted). */
export function statusText(
  running: boolean,
  trace: Trace | null,
  taskCount: number,
  stepCount: number,
): string {
  if (running) return 'running the program…';
  return trace ? `${trace.fileName}: ${count(stepCount, 'step')}, ${count(taskCount, 'task')}` : 'no run yet';
}

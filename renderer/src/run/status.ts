// The status bar's and the progress meter's words, from the runner and the player. Pure.
import type { Trace } from '../../../common/trace';
export { progressText } from './progress';

export function statusText(running: boolean, trace: Trace | null, taskCount: number): string {
  if (running) return 'running the program…';
  return trace ? `${trace.fileName}: ${trace.steps.length} steps, ${taskCount} tasks` : 'no run yet';
}

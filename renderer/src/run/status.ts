// The status bar's and the progress meter's words, from the runner and the player. Pure.
import type { SimProgress } from '../bridge';
import type { Trace } from '../../../common/trace';

export function statusText(running: boolean, trace: Trace | null, taskCount: number): string {
  if (running) return 'running the program…';
  return trace ? `${trace.fileName}: ${trace.steps.length} steps, ${taskCount} tasks` : 'no run yet';
}

export function progressText(progress: SimProgress | null): string {
  if (!progress) return '';
  return progress.phase === 'starting'
    ? 'starting Python…'
    : `${progress.steps.toLocaleString()} steps simulated`;
}

// A run's progress as the toolbar shows it: the engine's phases (starting Python, running:
// steps so far) and then the renderer's own (reading the trace: records received of all; then
// indexing it). Pure.
import type { SimProgress } from '../bridge';
import type { LoadProgress } from './trace-loader';

export type RunProgress =
  | SimProgress
  | {
      phase: 'loading';
      /** Loop steps the run took (the engine's last count). */
      steps: number;
      /** 0..1 of the trace's records received; -1 until the worker has read the bytes. */
      fraction: number;
      /** All received: the trace is being indexed for the player. */
      indexing?: boolean;
    };

/** The next progress from an engine message or the trace loader's (null: its load ended). */
export function runProgress(
  p: SimProgress | LoadProgress | null,
  previous: RunProgress | null,
): RunProgress | null {
  if (p === null) return previous;
  if ('phase' in p) return p;
  return {
    phase: 'loading',
    steps: previous?.steps ?? 0,
    fraction: p.total > 0 ? p.received / p.total : -1,
    ...(p.indexing ? { indexing: true } : {}),
  };
}

export function progressText(progress: RunProgress | null): string {
  if (!progress) return '';
  if (progress.phase === 'starting') return 'starting Python…';
  if (progress.phase === 'running') return `${progress.steps.toLocaleString()} steps simulated`;
  const steps = progress.steps > 0 ? `${progress.steps.toLocaleString()} steps; ` : '';
  if ('indexing' in progress && progress.indexing) return `${steps}indexing the run…`;
  return `${steps}reading the trace${progress.fraction >= 0 ? ` ${Math.round(progress.fraction * 100)}%` : '…'}`;
}

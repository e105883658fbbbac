// A task's outcome in words for every reader (stage, narration, `sim --steps`). When Loopscope's
// watchdog stopped a runaway step, the KeyboardInterrupt the task "raised" was the engine's, not
// the program's: it is said so, or students go looking for it in their code. Pure.
import type { Outcome, RunEnd } from './trace';

export function stoppedByEngine(end: RunEnd, o: Outcome): boolean {
  return end.kind === 'runaway' && o.kind === 'exception' && /^KeyboardInterrupt\b/.test(o.repr);
}

/** "returned 'b'", "raised ValueError('x')", "was cancelled", "was stopped by Loopscope". */
export function outcomeWords(end: RunEnd, o: Outcome): string {
  if (o.kind === 'result') return `returned ${o.repr}`;
  if (stoppedByEngine(end, o)) return 'was stopped by Loopscope (a step that never awaited)';
  if (o.kind === 'exception') return `raised ${o.repr}`;
  return 'was cancelled';
}

// The line the code panel marks as where the run failed. For an uncaught exception that is the
// traceback's innermost line in the program's file (where it was raised: inside a to_thread
// worker's function, say), not the line the loop happened to be at when the run ended. Pure.
import type { Trace } from '../../../common/trace';

export function errorLineOf(trace: Trace | null): number | undefined {
  if (!trace) return undefined;
  if (trace.end.kind !== 'exception') return trace.end.line;
  let stderr = '';
  for (let i = trace.events.length - 1; i >= 0 && !stderr; i--) {
    const e = trace.events[i];
    if (e.t === 'output' && e.stream === 'stderr' && e.text.includes('Traceback')) stderr = e.text;
  }
  const file = trace.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = [...stderr.matchAll(new RegExp(`File "${file}", line (\\d+)`, 'g'))];
  return lines.length > 0 ? Number(lines[lines.length - 1][1]) : trace.end.line;
}

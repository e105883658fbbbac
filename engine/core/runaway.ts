// Who a watchdog interrupt stopped and where, read from the interrupted run's trace; shared by
// both hosts (engine/node/engine-process.ts, engine/chromium/worker.ts). No Node or DOM API.
import type { Trace } from '../../common/trace';

const LINE = /line (\d+)/g;

/**
 * Who an interrupt stopped and where, read from the interrupted run's trace: the task that
 * ended with the KeyboardInterrupt (its traceback gives the line), else the plain callback that
 * ran last, else the program's top level (with the line the engine reported).
 */
export function runawayOf(trace: Trace): { who: string; line: number } {
  const name = (id: number): string => {
    const a = trace.actors.find((x) => x.id === id);
    if (!a || a.coro === '<module>') return "the program's top level";
    return a.kind === 'task' ? `task ${a.name}` : `callback ${a.name}`;
  };
  for (const e of trace.events) {
    if (e.t !== 'taskExited' || e.outcome.kind !== 'exception') continue;
    if (!e.outcome.repr.startsWith('KeyboardInterrupt')) continue;
    const lines = [...e.outcome.traceback.matchAll(LINE)];
    const line = lines.length > 0 ? Number(lines[lines.length - 1][1]) : (trace.end.line ?? 0);
    return { who: name(e.actor), line };
  }
  const last = trace.steps.findLast((s) => s.kind === 'run');
  const actor = last ? trace.actors.find((a) => a.id === last.actor) : undefined;
  const who = actor?.kind === 'callback' ? `callback ${actor.name}` : "the program's top level";
  return { who, line: trace.end.line ?? 0 };
}

// How a run the engine itself ended badly is reported, shared by both hosts
// (engine/node/engine-process.ts, engine/chromium/page.ts): who a watchdog interrupt stopped and
// where, read from the interrupted run's trace, and an os._exit as the exit it was. No Node or DOM API.
import type { RunEnd, Trace } from '../../common/trace';

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

/**
 * The end of a run the watchdog interrupted in place, after `seconds` of real time without
 * awaiting. Said in the loop's terms: the virtual clock stood still while the step ran, and the
 * interrupt was Loopscope's, not the program's (the host names the budget's setting).
 */
export function interruptedEnd(trace: Trace, seconds: number): RunEnd {
  const { who, line } = runawayOf(trace);
  const at = line ? ` (line ${line})` : '';
  const t = (trace.steps[trace.steps.length - 1]?.time ?? 0).toFixed(3);
  return {
    kind: 'runaway',
    message: `${who} never awaited${at}: the loop was stuck at t=${t} (virtual time does not pass inside a step), so Loopscope stopped it after ${seconds.toFixed(1)} s of real time`,
    exitCode: 1,
    ...(line ? { line } : {}),
  };
}

/**
 * Emscripten's exit (os._exit) leaves Pyodide unusable and the run ends in an internal error
 * naming `exit(N)`: the exit it was, or null for any other end.
 */
export function osExitEnd(end: RunEnd): RunEnd | null {
  const exit = end.kind === 'internalError' ? /exit\((\d+)\)/.exec(end.message) : null;
  if (!exit) return null;
  const code = Number(exit[1]);
  return { kind: 'exit', message: `exit status ${code} (os._exit)`, exitCode: code & 0xff };
}

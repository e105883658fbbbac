// How a run ended, decided here and nowhere else: the exit status each kind of end has, the ends
// a host reports for a run it stopped (a silent step, a trace that never came, a breach), and
// how the engine's own end is settled once the host knows whether its watchdog interrupted the
// run. The engine's Python side names what happened (program.py's End) and this module turns it
// into the trace's RunEnd; both hosts (engine/node/engine-process.ts, engine/chromium/page.ts)
// and main's SimService build every end they report with it. No Node or DOM API.
import type { EndKind, RunEnd, Trace } from '../../common/trace';

/** What the engine (or a host) says about a run's end, by name. */
export interface EndReport {
  kind: EndKind;
  message: string;
  /** For 'exit': the status the program exited with (sys.exit, os._exit). */
  status?: number;
  /** For syntax errors, runaways and caps: where; 0 or absent when unknown. */
  line?: number;
  column?: number;
  /** For caps and budgets: what raises the limit, e.g. "--max-steps"; '' or absent for none. */
  option?: string;
}

/** The status the CLI exits with: 0 for ok, the program's own for an exit, 124 (timeout's) for a cap, 70 (EX_SOFTWARE) for Loopscope's own fault. */
export function exitCodeOf(kind: EndKind, status = 0): number {
  if (kind === 'ok') return 0;
  if (kind === 'exit') return status & 0xff;
  if (kind.startsWith('cap')) return 124;
  if (kind === 'internalError') return 70;
  return 1;
}

/** The trace's RunEnd for a report: its exit status, and only the places it knows. */
export function runEnd(report: EndReport): RunEnd {
  const end: RunEnd = {
    kind: report.kind,
    message: report.message,
    exitCode: exitCodeOf(report.kind, report.status),
  };
  if (report.line) end.line = report.line;
  if (report.column) end.column = report.column;
  if (report.option) end.option = report.option;
  return end;
}

/** A fault in Loopscope itself (the engine, its channel, a host). */
export function internalErrorEnd(message: string): RunEnd {
  return runEnd({ kind: 'internalError', message });
}

/** A host heard nothing from the engine for `silentMs` of real time while a step ran (no interrupt could stop it in place). */
export function silentStepEnd(silentMs: number): RunEnd {
  return runEnd({
    kind: 'runaway',
    message: `a step never awaited for ${(silentMs / 1000).toFixed(1)} s of real time; the engine was stopped and restarted`,
  });
}

/** The engine said it was finishing, and then its trace did not come. */
export function traceLateEnd(): RunEnd {
  return internalErrorEnd('internal error: the trace did not arrive in time');
}

/**
 * Emscripten's exit (os._exit) leaves Pyodide unusable and the run ends in an internal error
 * naming `exit(N)`: the exit it was, or null for any other end.
 */
export function osExitEnd(end: RunEnd): RunEnd | null {
  const exit = end.kind === 'internalError' ? /exit\((\d+)\)/.exec(end.message) : null;
  if (!exit) return null;
  const status = Number(exit[1]);
  return runEnd({ kind: 'exit', message: `exit status ${status} (os._exit)`, status });
}

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
  return runEnd({
    kind: 'runaway',
    message: `${who} never awaited${at}: the loop was stuck at t=${t} (virtual time does not pass inside a step), so Loopscope stopped it after ${seconds.toFixed(1)} s of real time`,
    line,
  });
}

/**
 * The end a host reports for a trace its engine returned: the watchdog's interrupt after
 * `interruptedAfter` seconds (null: none) makes it a runaway, an os._exit the exit it was.
 * `tainted`: the Python that ran it may be in any state now, so it runs nothing more.
 */
export function settledEnd(trace: Trace, interruptedAfter: number | null): { end: RunEnd; tainted: boolean } {
  const interrupted = interruptedAfter === null ? trace.end : interruptedEnd(trace, interruptedAfter);
  const exit = osExitEnd(interrupted);
  const end = exit ?? interrupted;
  return { end, tainted: interruptedAfter !== null || exit !== null || end.kind === 'internalError' };
}

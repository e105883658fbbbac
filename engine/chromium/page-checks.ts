// The engine page's checks on itself (reported to the owner in 'ready') and the trace it returns
// for a run the worker could not finish. No DOM beyond globalThis.
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type RunEnd, type Trace } from '../../common/trace';
import type { ContainmentReport, HostMessage } from '../protocol';

/** What the page can see of its own containment: no Node, no preload API, a CSP that refuses eval. */
export function pageContainment(): Omit<ContainmentReport, 'interrupts'> {
  const g = globalThis as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of ['process', 'require', 'module', 'Buffer', 'loopscope', 'electron', 'ipcRenderer'])
    if (g[name] !== undefined) problems.push(`the engine page can see '${name}'`);
  try {
    new Function('return 1');
    problems.push("the engine page's CSP allows eval (no 'unsafe-eval' expected)");
  } catch {
    // refused by the CSP, as it must be
  }
  if (!globalThis.isSecureContext) problems.push('the engine page is not a secure context');
  return { contained: problems.length === 0, problems };
}

export function endedRun(m: HostMessage, end: RunEnd): Trace {
  return {
    version: TRACE_VERSION,
    source: m.source,
    fileName: m.fileName,
    options: { ...DEFAULT_RUN_OPTIONS, ...m.options },
    actors: [],
    steps: [
      { kind: 'start', time: 0, iteration: 0, firstEvent: 0 },
      { kind: 'end', time: 0, iteration: 0, firstEvent: 0 },
    ],
    events: [],
    end,
  };
}

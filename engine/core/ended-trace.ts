// The trace a host returns for a run the engine could not finish itself (stopped by a watchdog
// or a budget, or gone): no steps but the start and the end, and a RunEnd that says what
// happened, so every caller handles one shape whatever went wrong. The one place this is
// decided: main's SimService and the Chromium engine page both use it.
import {
  DEFAULT_RUN_OPTIONS,
  TRACE_VERSION,
  type RunEnd,
  type RunOptions,
  type Trace,
} from '../../common/trace';

export function endedTrace(
  source: string,
  fileName: string,
  options: Partial<RunOptions>,
  end: RunEnd,
): Trace {
  return {
    version: TRACE_VERSION,
    source,
    fileName,
    options: { ...DEFAULT_RUN_OPTIONS, ...options },
    actors: [],
    steps: [
      { kind: 'start', time: 0, iteration: 0, firstEvent: 0 },
      { kind: 'end', time: 0, iteration: 0, firstEvent: 0 },
    ],
    events: [],
    end,
  };
}

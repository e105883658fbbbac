// The renderer's trace worker: reads a run's trace bytes (binary or JSON, checked as untrusted
// input by engine/chromium/trace-delivery.ts) off the UI thread and hands the trace to the UI in
// parts, so no single message takes the UI thread long to receive: a 100,000-task run is
// millions of small objects, and one structured clone of them all would hold the window for seconds.
// Then it builds the player's index of the trace (keyframes, per-task steps, timeline spans, the
// inspector's stacks and resources by step: the O(events) work) while the UI receives the parts, and hands it over as transferred arrays.
import { receivedTrace } from '../../../engine/chromium/trace-delivery';
import { indexModel, userTasks } from '../player/model';
import { taskIndexData } from '../player/taskIndex';
import { timelineSpans } from '../player/timeline';
import type { WorkerBuilt } from './model-join';
import type { LoaderReply, LoaderRequest } from './trace-loader-protocol';
import { transferables } from './transferables';

/** Records per part: a part is received on the UI thread in a few milliseconds. */
export const PART_RECORDS = 2048;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LoaderRequest>) => void) | null;
  postMessage(m: LoaderReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, bytes, receipt, asked } = e.data;
  let trace;
  try {
    trace = receivedTrace(bytes, receipt, asked);
  } catch (err) {
    scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  const { actors, steps, events } = trace;
  // The lists' places stay in the head, so the trace keeps its key order (its JSON is the same).
  const head = { ...trace, actors: 0 as const, steps: 0 as const, events: 0 as const };
  const total = actors.length + steps.length + events.length;
  scope.postMessage({ id, type: 'head', head, total });
  for (const [list, items] of [
    ['actors', actors],
    ['steps', steps],
    ['events', events],
  ] as const)
    for (let i = 0; i < items.length; i += PART_RECORDS)
      scope.postMessage({ id, type: 'part', list, items: items.slice(i, i + PART_RECORDS) });
  scope.postMessage({ id, type: 'indexing' });
  const built: WorkerBuilt = {
    model: indexModel(trace),
    timeline: timelineSpans(trace, userTasks(trace)),
    tasks: taskIndexData(trace),
  };
  scope.postMessage({ id, type: 'index', built }, transferables(built));
  scope.postMessage({ id, type: 'done' });
};

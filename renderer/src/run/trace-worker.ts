// The renderer's trace worker: reads a run's trace bytes (binary or JSON, checked as untrusted
// input by engine/chromium/trace-delivery.ts) off the UI thread and hands the trace to the UI:
// its actors in parts, and for a binary trace its steps and events as the bytes themselves with
// where their records start (the UI reads the records it looks at: run/recordList.ts), since a
// 100,000-task run is two million small objects, which held the window for seconds to receive
// and collect. A JSON trace's steps and events come in parts too.
// Then it builds the player's index of the trace (keyframes, per-task steps, timeline spans, the
// inspector's stacks and resources by step: the O(events) work) while the UI receives the parts, and hands it over as transferred arrays.
import { readDelivery } from '../../../engine/chromium/trace-delivery';
import { indexModel, userTasks } from '../player/model';
import { taskIndexData } from '../player/taskIndex';
import { timelineSpans } from '../player/timeline';
import type { WorkerBuilt } from './model-join';
import type { LoaderReply, LoaderRequest } from './trace-loader-protocol';
import { transferables } from './transferables';
import { cutLong } from './longParts';

/** Records per part: a part is received on the UI thread in a few milliseconds. */
export const PART_RECORDS = 2048;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LoaderRequest>) => void) | null;
  postMessage(m: LoaderReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, bytes, receipt, asked } = e.data;
  let read;
  try {
    read = readDelivery(bytes, receipt, asked);
  } catch (err) {
    scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  const { trace, places } = read;
  const { actors, steps, events } = trace;
  // The lists' places stay in the head, so the trace keeps its key order (its JSON is the same).
  const head = { ...trace, actors: 0 as const, steps: 0 as const, events: 0 as const };
  const lists = places
    ? ([['actors', actors]] as const)
    : ([
        ['actors', actors],
        ['steps', steps],
        ['events', events],
      ] as const);
  const total = lists.reduce((n, [, items]) => n + items.length, 0);
  scope.postMessage({ id, type: 'head', head, total });
  for (const [list, items] of lists)
    for (let i = 0; i < items.length; i += PART_RECORDS)
      scope.postMessage({ id, type: 'part', list, items: items.slice(i, i + PART_RECORDS) });
  if (places)
    scope.postMessage({ id, type: 'records', bytes, places }, [
      bytes.buffer as ArrayBuffer,
      places.steps.starts.buffer as ArrayBuffer,
      places.events.starts.buffer as ArrayBuffer,
      places.strings.ends.buffer as ArrayBuffer,
    ]);
  scope.postMessage({ id, type: 'indexing' });
  const built: WorkerBuilt = {
    model: indexModel(trace),
    timeline: timelineSpans(trace, userTasks(trace)),
    tasks: taskIndexData(trace),
  };
  // Its long lists follow in parts, so no one message holds the UI thread long.
  const parts = cutLong(built, PART_RECORDS);
  scope.postMessage({ id, type: 'index', built }, transferables(built));
  for (const part of parts) scope.postMessage({ id, type: 'indexPart', part });
  scope.postMessage({ id, type: 'done' });
};

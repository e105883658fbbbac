// The run a shared player carries: JSON in <script id="loopscope-trace" type="application/json">,
// written by main/export/player-html.ts. Read as data (JSON.parse), never as markup or code.
import { TRACE_VERSION, type Trace } from '../../../common/trace';

export const TRACE_ELEMENT_ID = 'loopscope-trace';

/** The embedded trace, or a sentence saying why there is none. */
export function readEmbeddedTrace(doc: Document): Trace | string {
  const text = doc.getElementById(TRACE_ELEMENT_ID)?.textContent?.trim() ?? '';
  if (text === '') return 'This player holds no run: export one from Loopscope (File > Export > Player).';
  let trace: unknown;
  try {
    trace = JSON.parse(text);
  } catch {
    return 'The run in this file is damaged (it is not valid JSON).';
  }
  const t = trace as Partial<Trace> | null;
  if (!t || typeof t !== 'object' || !Array.isArray(t.steps) || !Array.isArray(t.events) || !t.end) {
    return 'The run in this file is damaged (it is not a Loopscope trace).';
  }
  if (t.version !== TRACE_VERSION) {
    return `This run was saved by a Loopscope with trace version ${String(t.version)}; this player reads version ${TRACE_VERSION}.`;
  }
  return t as Trace;
}

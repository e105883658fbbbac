// A trace's steps or events on the UI thread as a read-only array that reads its records from
// the trace's bytes when they are first looked at, PLACE_EVERY at a time, keeping the most
// recently used runs of them. A 100,000-task run is two million records: made as objects on
// the UI thread (and collected), they held the window for seconds; as bytes they cost nothing
// until the player looks at a step, which needs a few thousand. Everything that reads arrays
// works on it (indexing, length, for-of, slice, JSON.stringify); writing to it throws.
import { PLACE_EVERY, recordsAt, type TracePlaces } from '../../../common/traceCodec';

/** Runs of PLACE_EVERY records kept decoded (about 260,000 records). */
const KEEP_RUNS = 256;

export function recordList<T>(bytes: Uint8Array, places: TracePlaces, list: 'steps' | 'events'): T[] {
  const n = places[list].count;
  const runs = new Map<number, T[]>();
  let lastRun = -1;
  let last: T[] = [];
  const at = (i: number): T => {
    const k = Math.floor(i / PLACE_EVERY);
    if (k !== lastRun) {
      let run = runs.get(k);
      if (run) runs.delete(k);
      else run = recordsAt(bytes, places, list, k * PLACE_EVERY) as T[];
      // Re-inserted: the Map's order is the order of use, oldest first.
      runs.set(k, run);
      if (runs.size > KEEP_RUNS) runs.delete(runs.keys().next().value as number);
      lastRun = k;
      last = run;
    }
    return last[i - lastRun * PLACE_EVERY];
  };
  const index = (p: string | symbol): number => {
    if (typeof p !== 'string') return -1;
    const c = p.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(p);
    return Number.isInteger(i) && i < n && String(i) === p ? i : -1;
  };
  const target: T[] = [];
  target.length = n;
  const readOnly = (): never => {
    throw new TypeError(`the trace's ${list} are read-only`);
  };
  return new Proxy(target, {
    get(t, p, receiver) {
      if (p === 'length') return n;
      const i = index(p);
      return i >= 0 ? at(i) : Reflect.get(t, p, receiver);
    },
    has: (t, p) => index(p) >= 0 || Reflect.has(t, p),
    getOwnPropertyDescriptor(t, p) {
      const i = index(p);
      if (i < 0) return Reflect.getOwnPropertyDescriptor(t, p);
      return { value: at(i), writable: false, enumerable: true, configurable: true };
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}

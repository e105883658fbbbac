// A trace's steps or events on the UI thread as a read-only array that reads its records from
// the trace's bytes when they are looked at. A 100,000-task run is two million records: made as
// objects on the UI thread (and collected), they held the window for seconds; as bytes they
// cost nothing until the player looks at a step. A walk through the list (a step's events, a
// fold from a keyframe) reads PLACE_EVERY records at a time and keeps the runs it used last; a
// look here and there (each finished task's exit, each waiting task's reason: a hundred
// thousand records spread over the whole trace) reads only the record looked at, so it neither
// reads whole runs for one record nor pushes the walk's runs out. Everything that reads arrays
// works on it (indexing, length, for-of, slice, JSON.stringify); writing to it throws.
import { PLACE_EVERY, RecordReader, type TracePlaces } from '../../../common/traceRecords';

/** Runs of PLACE_EVERY records kept decoded (about 260,000 records). */
const KEEP_RUNS = 256;

export function recordList<T>(bytes: Uint8Array, places: TracePlaces, list: 'steps' | 'events'): T[] {
  const n = places[list].count;
  const reader = new RecordReader(bytes, places);
  const runs = new Map<number, T[]>();
  let lastRun = -1;
  let last: T[] = [];
  let previous = -2;
  const at = (i: number): T => {
    const k = Math.floor(i / PLACE_EVERY);
    const walking = i === previous + 1;
    previous = i;
    if (k === lastRun) return last[i - k * PLACE_EVERY];
    let run = runs.get(k);
    if (!run) {
      if (!walking) return reader.one(list, i) as T;
      run = reader.run(list, k * PLACE_EVERY) as T[];
    } else runs.delete(k);
    // Re-inserted: the Map's order is the order of use, oldest first.
    runs.set(k, run);
    if (runs.size > KEEP_RUNS) runs.delete(runs.keys().next().value as number);
    lastRun = k;
    last = run;
    return last[i - k * PLACE_EVERY];
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

// Reading a binary trace's steps and events from anywhere in its bytes: where each record
// starts and every string the trace interns (noted by traceCodec.ts decodeTracePlaced) are
// enough to read any record without reading what comes before it. The UI thread of a big run
// keeps the bytes and reads records where it looks (renderer/src/run/recordList.ts).
import { ByteReader, type StringTable } from './traceBytes';
import { readEvent, readStep } from './traceCodec';

/** Where each of a binary trace's steps and events starts, and every string it interns:
 * enough to read any record without reading what comes before it (RecordReader). */
export interface TracePlaces {
  steps: { count: number; starts: Uint32Array };
  events: { count: number; starts: Uint32Array };
  strings: StringTable;
}
/** Records RecordReader.run reads at once. */
export const PLACE_EVERY = 1024;

/** Reads the records of bytes decodeTracePlaced read, from anywhere in them. */
export class RecordReader {
  private readonly r: ByteReader;

  constructor(
    bytes: Uint8Array,
    private readonly places: TracePlaces,
  ) {
    this.r = new ByteReader(bytes, places.strings);
  }

  /** Records from `from` on, PLACE_EVERY of them (fewer at the end). */
  run(list: 'steps' | 'events', from: number): unknown[] {
    const { count: n, starts } = this.places[list];
    this.r.seek(starts[from]);
    const read = list === 'steps' ? readStep : readEvent;
    const out: unknown[] = [];
    for (let i = from, end = Math.min(n, from + PLACE_EVERY); i < end; i++) out.push(read(this.r));
    return out;
  }

  /** Record `i` alone. */
  one(list: 'steps' | 'events', i: number): unknown {
    this.r.seek(this.places[list].starts[i]);
    return (list === 'steps' ? readStep : readEvent)(this.r);
  }
}

// The trace as compact bytes, for moving a run from the engine to the UI (a transport: the
// trace's format stays the JSON of common/TRACE.md, and decode(encode(t)) stringifies to exactly
// JSON.stringify(t)). A big run is hundreds of thousands of small records whose keys and
// strings repeat, so each record is written by a schema (a tag, a bit per optional field,
// varints, float64 times, interned strings) and a record the schema does not fit exactly (a
// future kind, an extra key, keys in another order) is written as its own JSON: nothing is lost.
import type { Trace, TraceEvent } from './trace';
import { ByteReader, ByteWriter } from './traceBytes';
import type { TracePlaces } from './traceRecords';
import { actorShape, EVENT_FIELDS, stepShape, type Field, type Shape } from './traceSchema';

/** The first bytes of every binary trace ("LSTB"), then the codec's own version. */
const MAGIC = [0x4c, 0x53, 0x54, 0x42];
export const CODEC_VERSION = 1;

interface Codec {
  fits(v: unknown): boolean;
  write(w: ByteWriter, v: unknown): void;
  read(r: ByteReader): unknown;
}

interface ObjectCodec extends Codec {
  /** Reads the fields into `o` (an event arrives with its `t` already set, so `t` stays first). */
  readInto(r: ByteReader, o: Record<string, unknown>): void;
}

function compile(shape: Shape): Codec {
  if (shape === 'uint')
    return {
      fits: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
      write: (w, v) => w.uint(v as number),
      read: (r) => r.uint(),
    };
  if (shape === 'num')
    return {
      fits: (v) => typeof v === 'number' && Number.isFinite(v),
      write: (w, v) => w.f64(v as number),
      read: (r) => r.f64(),
    };
  if (shape === 'str')
    return { fits: (v) => typeof v === 'string', write: (w, v) => w.str(v as string), read: (r) => r.str() };
  if (shape === 'true') return { fits: (v) => v === true, write: () => {}, read: () => true };
  if ('arr' in shape) {
    const item = compile(shape.arr);
    return {
      fits: (v) => Array.isArray(v) && v.every((x) => item.fits(x)),
      write: (w, v) => {
        const a = v as unknown[];
        w.uint(a.length);
        for (const x of a) item.write(w, x);
      },
      read: (r) => {
        const n = r.uint();
        const a: unknown[] = [];
        for (let i = 0; i < n; i++) a.push(item.read(r));
        return a;
      },
    };
  }
  if ('tuple' in shape) {
    const items = shape.tuple.map(compile);
    return {
      fits: (v) => Array.isArray(v) && v.length === items.length && items.every((c, i) => c.fits(v[i])),
      write: (w, v) => items.forEach((c, i) => c.write(w, (v as unknown[])[i])),
      read: (r) => items.map((c) => c.read(r)),
    };
  }
  return compileObject(shape.obj, 0);
}

/** An object's fields from `from` on (an event's fields follow its `t`, which the tag carries). */
function compileObject(fields: Field[], from: number): ObjectCodec {
  const keys = fields.map((f) => f[0]);
  const codecs = fields.map((f) => compile(f[1]));
  const optional = fields.map((f) => !!f[2]);
  return {
    fits(v) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      let last = -1;
      for (const k in o) {
        const i = keys.indexOf(k);
        // Keys the schema does not know, or in another order, would not come back the same.
        if (i <= last || o[k] === undefined || !codecs[i].fits(o[k])) return false;
        last = i;
      }
      for (let i = from; i < keys.length; i++) if (!optional[i] && !(keys[i] in o)) return false;
      return true;
    },
    write(w, v) {
      const o = v as Record<string, unknown>;
      let bits = 0;
      let bit = 1;
      for (let i = from; i < keys.length; i++)
        if (optional[i]) {
          if (o[keys[i]] !== undefined) bits += bit;
          bit *= 2;
        }
      w.uint(bits);
      for (let i = from; i < keys.length; i++) if (o[keys[i]] !== undefined) codecs[i].write(w, o[keys[i]]);
    },
    read(r) {
      const o: Record<string, unknown> = {};
      readInto(r, o);
      return o;
    },
    readInto,
  };
  function readInto(r: ByteReader, o: Record<string, unknown>): void {
    let bits = r.uint();
    for (let i = from; i < keys.length; i++) {
      if (optional[i]) {
        const present = bits % 2 === 1;
        bits = Math.floor(bits / 2);
        if (!present) continue;
      }
      o[keys[i]] = codecs[i].read(r);
    }
  }
}

/** Tag 0: a record written as JSON. An event kind's tag is its place in EVENT_FIELDS + 1. */
const JSON_TAG = 0;
const eventKinds = Object.keys(EVENT_FIELDS) as TraceEvent['t'][];
const eventCodecs = eventKinds.map((t) => compileObject([['t', 'str'], ...EVENT_FIELDS[t]], 1));
const eventTag = new Map<string, number>(eventKinds.map((t, i) => [t, i + 1]));
const actorCodec = compile(actorShape);
const stepCodec = compile(stepShape);

function writeRecord(w: ByteWriter, codec: Codec, tag: number, v: unknown): boolean {
  if (codec.fits(v)) {
    w.uint(tag);
    codec.write(w, v);
    return true;
  }
  w.uint(JSON_TAG);
  w.str(JSON.stringify(v));
  return false;
}

export interface EncodeStats {
  /** Records written as JSON because no schema fitted them exactly. */
  jsonRecords: number;
}

/** The trace as bytes in a buffer of their own (transfer it). */
export function encodeTrace(trace: Trace, stats?: EncodeStats): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter();
  for (const b of MAGIC) w.byte(b);
  w.uint(CODEC_VERSION);
  // Everything but the three long lists, as JSON with the lists' places kept (key order holds).
  w.str(JSON.stringify({ ...trace, actors: 0, steps: 0, events: 0 }));
  let json = 0;
  w.uint(trace.actors.length);
  for (const a of trace.actors) if (!writeRecord(w, actorCodec, 1, a)) json++;
  w.uint(trace.steps.length);
  for (const s of trace.steps) if (!writeRecord(w, stepCodec, 1, s)) json++;
  w.uint(trace.events.length);
  for (const e of trace.events) {
    const tag = eventTag.get((e as { t?: unknown }).t as string);
    if (tag === undefined) {
      w.uint(JSON_TAG);
      w.str(JSON.stringify(e));
      json++;
    } else if (!writeRecord(w, eventCodecs[tag - 1], tag, e)) json++;
  }
  if (stats) stats.jsonRecords = json;
  return w.finish();
}

export function isBinaryTrace(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** A record written as JSON: it must still be an object (an event: one with a kind), like every record. */
function jsonRecord(r: ByteReader, event: boolean): unknown {
  const v = JSON.parse(r.str()) as unknown;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new RangeError('a record in the trace is not an object');
  if (event && typeof (v as { t?: unknown }).t !== 'string')
    throw new RangeError('an event in the trace has no kind');
  return v;
}

function readRecord(r: ByteReader, codecs: (Codec | undefined)[]): unknown {
  const tag = r.uint();
  if (tag === JSON_TAG) return jsonRecord(r, false);
  const codec = codecs[tag];
  if (!codec) throw new RangeError(`unknown record tag ${tag}`);
  return codec.read(r);
}

/** Reads `count`, refusing counts the bytes left could not hold (a forged count). */
function count(r: ByteReader, left: number): number {
  const n = r.uint();
  if (n > left) throw new RangeError('a count in the trace is larger than the trace');
  return n;
}

const actorCodecs = [undefined, actorCodec];
const stepCodecs = [undefined, stepCodec];
const eventCodecsByTag = [undefined, ...eventCodecs];

/** One event record where `r` stands (traceRecords.ts reads them from anywhere). */
export function readEvent(r: ByteReader): unknown {
  const tag = r.uint();
  if (tag === JSON_TAG) return jsonRecord(r, true);
  const codec = eventCodecsByTag[tag];
  if (!codec) throw new RangeError(`unknown event tag ${tag}`);
  const e: Record<string, unknown> = { t: eventKinds[tag - 1] };
  codec.readInto(r, e);
  return e;
}

/** One step record where `r` stands. */
export const readStep = (r: ByteReader) => readRecord(r, stepCodecs);

/** Reads `count` records, noting where each starts. */
function readList(
  r: ByteReader,
  count: number,
  read: (r: ByteReader) => unknown,
  starts: Uint32Array,
): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    starts[i] = r.offset;
    out.push(read(r));
  }
  return out;
}

/**
 * The trace the bytes hold, and where its records are. Throws on anything that is not a whole
 * binary trace (bytes cut short, unknown tags, a version this build does not read); the caller
 * checks the shape.
 */
export function decodeTracePlaced(bytes: Uint8Array): { trace: Trace; places: TracePlaces } {
  if (!isBinaryTrace(bytes)) throw new RangeError('not a binary trace');
  const r = new ByteReader(bytes);
  for (let i = 0; i < MAGIC.length; i++) r.byte();
  const version = r.uint();
  if (version !== CODEC_VERSION)
    throw new RangeError(`binary trace version ${version} is not ${CODEC_VERSION}`);
  const trace = JSON.parse(r.str()) as Trace;
  const actors: unknown[] = [];
  for (let n = count(r, bytes.length); n > 0; n--) actors.push(readRecord(r, actorCodecs));
  const stepCount = count(r, bytes.length);
  const stepStarts = new Uint32Array(stepCount);
  const steps = readList(r, stepCount, readStep, stepStarts);
  const eventCount = count(r, bytes.length);
  const eventStarts = new Uint32Array(eventCount);
  const events = readList(r, eventCount, readEvent, eventStarts);
  if (!r.done) throw new RangeError('the trace has bytes after its end');
  trace.actors = actors as Trace['actors'];
  trace.steps = steps as Trace['steps'];
  trace.events = events as Trace['events'];
  return {
    trace,
    places: {
      steps: { count: stepCount, starts: stepStarts },
      events: { count: eventCount, starts: eventStarts },
      strings: r.table(),
    },
  };
}

export function decodeTrace(bytes: Uint8Array): Trace {
  return decodeTracePlaced(bytes).trace;
}

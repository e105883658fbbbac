// Reads a Python list of ints and floats straight from Pyodide's WebAssembly heap, so the op
// buffer (engine/python/ops.py) reaches JavaScript without Python converting it first: a copy
// into array('d') cost about 80 ns an element, a tenth of the engine's time. The layouts are
// CPython 3.14's on wasm32 (4-byte pointers, 30-bit digits); checkLayout() proves them at
// start-up against a probe list, so a Pyodide with other layouts fails loudly, never silently.

export interface Heap {
  HEAPU32: Uint32Array;
  HEAPF64: Float64Array;
}

/** Addresses Python gives by id(): the list, and the int and float type objects. */
export interface ListReader {
  list: number;
  intType: number;
  floatType: number;
}

const LIST_SIZE = 8; // PyVarObject.ob_size, after ob_refcnt and ob_type
const LIST_ITEMS = 12; // PyListObject.ob_item
const OB_TYPE = 4;
const FLOAT_VALUE = 8; // PyFloatObject.ob_fval
const LONG_TAG = 8; // PyLongObject.long_value.lv_tag: sign in bits 0-1, digit count from bit 3
const LONG_DIGITS = 12;
const DIGIT = 2 ** 30;

/** The list's length. */
export function listLength(heap: Heap, list: number): number {
  return heap.HEAPU32[(list + LIST_SIZE) >> 2];
}

/** The list's items as numbers, into `out` (grown when needed); returns `out`. */
export function readList(heap: Heap, r: ListReader, out: Float64Array): Float64Array {
  const u32 = heap.HEAPU32;
  const f64 = heap.HEAPF64;
  const n = u32[(r.list + LIST_SIZE) >> 2];
  const items = u32[(r.list + LIST_ITEMS) >> 2] >> 2;
  if (out.length < n) out = new Float64Array(Math.max(n, out.length * 2));
  for (let k = 0; k < n; k++) {
    const p = u32[items + k];
    const type = u32[(p + OB_TYPE) >> 2];
    if (type === r.floatType) out[k] = f64[(p + FLOAT_VALUE) >> 3];
    else if (type === r.intType) {
      const tag = u32[(p + LONG_TAG) >> 2];
      const digits = (p + LONG_DIGITS) >> 2;
      let v = u32[digits];
      for (let j = 1, scale = DIGIT; j < tag >>> 3; j++, scale *= DIGIT) v += u32[digits + j] * scale;
      out[k] = (tag & 3) === 2 ? -v : (tag & 3) === 1 ? 0 : v;
    } else throw new Error(`op buffer item ${k} is neither int nor float`);
  }
  return out;
}

/** The probe list's values, as Python makes it in ops.py (PROBE). */
export const PROBE = [0, 1, -5, 300, 2 ** 31 + 7, -(2 ** 40), 1.5, -1, 1e-9];

/** Throws unless readList reads the probe list Python built as PROBE says. */
export function checkLayout(heap: Heap, r: ListReader): void {
  const got = Array.from(readList(heap, r, new Float64Array(PROBE.length)).subarray(0, PROBE.length));
  if (listLength(heap, r.list) !== PROBE.length || got.some((v, i) => v !== PROBE[i]))
    throw new Error(`unsupported Pyodide object layout: read ${got.join(',')}, expected ${PROBE.join(',')}`);
}

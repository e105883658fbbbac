// The op list read straight from the wasm heap (engine/python/pylist.ts), on a heap laid out by
// hand as CPython 3.14 lays out a list, ints and floats on wasm32. The engine's start-up runs
// checkLayout on Pyodide's real heap (tests/engine proves that path on every run).
import { describe, expect, it } from 'vitest';
import { PROBE, checkLayout, listLength, readList, type Heap } from '../../engine/python/pylist';

const INT_TYPE = 0x100;
const FLOAT_TYPE = 0x200;
const OTHER_TYPE = 0x300;

/** A heap holding a list of `values` (ints as CPython's 30-bit digits) at address 8. */
function heapWith(values: (number | 'other')[]): { heap: Heap; list: number } {
  const buf = new ArrayBuffer(1 << 16);
  const heap = { HEAPU32: new Uint32Array(buf), HEAPF64: new Float64Array(buf) };
  const list = 8;
  const items = 64;
  let next = 1024;
  heap.HEAPU32[(list + 8) >> 2] = values.length;
  heap.HEAPU32[(list + 12) >> 2] = items;
  values.forEach((v, k) => {
    const p = next;
    next += 32;
    heap.HEAPU32[(items >> 2) + k] = p;
    if (v === 'other') heap.HEAPU32[(p + 4) >> 2] = OTHER_TYPE;
    else if (!Number.isInteger(v) || Object.is(v, -0)) {
      heap.HEAPU32[(p + 4) >> 2] = FLOAT_TYPE;
      heap.HEAPF64[(p + 8) >> 3] = v;
    } else {
      heap.HEAPU32[(p + 4) >> 2] = INT_TYPE;
      const digits: number[] = [];
      for (let a = Math.abs(v); a > 0; a = Math.floor(a / 2 ** 30)) digits.push(a % 2 ** 30);
      const sign = v === 0 ? 1 : v < 0 ? 2 : 0;
      heap.HEAPU32[(p + 8) >> 2] = (digits.length << 3) | sign;
      digits.forEach((d, j) => (heap.HEAPU32[((p + 12) >> 2) + j] = d));
    }
  });
  return { heap, list };
}

const types = { intType: INT_TYPE, floatType: FLOAT_TYPE };

describe('reading a Python list from the heap', () => {
  it('reads ints of one, two and three digits, signs, zero and floats', () => {
    const values = [0, 7, -5, 2 ** 30, 2 ** 31 + 7, -(2 ** 40), 2 ** 61 + 2 ** 31, 1.5, -0.25, 1e-9];
    const { heap, list } = heapWith(values);
    expect(listLength(heap, list)).toBe(values.length);
    const got = readList(heap, { list, ...types }, new Float64Array(2));
    expect(Array.from(got.subarray(0, values.length))).toEqual(values);
  });

  it('grows the scratch array it is given when the list is longer', () => {
    const { heap, list } = heapWith([1, 2, 3]);
    const small = new Float64Array(1);
    expect(readList(heap, { list, ...types }, small)).not.toBe(small);
  });

  it('refuses an item that is neither int nor float', () => {
    const { heap, list } = heapWith([1, 'other']);
    expect(() => readList(heap, { list, ...types }, new Float64Array(4))).toThrow(
      /item 1 is neither int nor float/,
    );
  });

  it('accepts the probe list and refuses one read wrongly', () => {
    const good = heapWith(PROBE);
    expect(() => checkLayout(good.heap, { list: good.list, ...types })).not.toThrow();
    const bad = heapWith([...PROBE.slice(0, -1), 2]);
    expect(() => checkLayout(bad.heap, { list: bad.list, ...types })).toThrow(
      /unsupported Pyodide object layout/,
    );
  });
});

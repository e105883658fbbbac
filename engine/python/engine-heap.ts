// The WebAssembly heap of a started engine: the image every run starts from, the views a run's
// host may read (never the Emscripten module), and the check that Python's list layout is the
// one pylist.ts reads.

import type { PyodideInterface } from 'pyodide';
import { checkLayout, type Heap } from './pylist';

/**
 * The WebAssembly heap as it was after start-up, put back before every run. Object addresses
 * decide the iteration order of sets of tasks (asyncio.wait, as_completed), so a run that found
 * the allocator as the previous run left it could order them differently: restoring the heap
 * makes every run start from the same bytes, and frees whatever the previous program kept.
 */
export interface HeapImage {
  bytes: Uint8Array;
}

interface WasmModule extends Heap {
  HEAPU8: Uint8Array;
}

export function heapOf(py: PyodideInterface): WasmModule {
  return (py as unknown as { _module: WasmModule })._module;
}

/**
 * The heap views the run's host reads, and nothing else: the host is a JavaScript object Python
 * holds during the run, so what it hands out must not lead to the Emscripten module (its FS,
 * NODEFS and Pyodide's API reach Node's `fs`, and through it every open file descriptor).
 * The same object until the wasm memory grows, so the per-batch call allocates nothing.
 */
export function heapViews(py: PyodideInterface): () => Heap {
  let views: Heap = { HEAPU32: new Uint32Array(0), HEAPF64: new Float64Array(0) };
  return () => {
    const m = heapOf(py);
    if (views.HEAPU32 !== m.HEAPU32) views = Object.freeze({ HEAPU32: m.HEAPU32, HEAPF64: m.HEAPF64 });
    return views;
  };
}

export function restoreHeap(py: PyodideInterface, image: HeapImage): void {
  const heap = heapOf(py).HEAPU8;
  heap.set(image.bytes);
  if (heap.length > image.bytes.length) heap.fill(0, image.bytes.length);
}

export function checkHeap(py: PyodideInterface): void {
  const probe = py.runPython('import _loopscope.ops as o\n[id(o.PROBE), id(int), id(float)]') as {
    toJs(): number[];
    destroy(): void;
  };
  const [list, intType, floatType] = probe.toJs();
  probe.destroy();
  checkLayout(heapOf(py), { list, intType, floatType });
}

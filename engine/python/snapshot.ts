// Pyodide's memory snapshot (private API in Pyodide 314: `_makeSnapshot`, `makeMemorySnapshot`,
// `_loadSnapshot`): an engine starts from the wasm heap of one that installed the engine's
// Python and ran the warm-up, in a fraction of the normal start. The snapshot holds the heap
// only, nothing on the JavaScript side: Pyodide reconnects its own objects by name, the file
// system (MEMFS lives in JavaScript) must be written again, and any other JavaScript object
// Python still refers to comes back as null (after the warm-up those are its finished run's
// proxies, garbage until the next collection).
import type { PyodideInterface } from 'pyodide';

/** The Pyodide internals the snapshot needs; a Pyodide without them fails here, not later. */
interface SnapshotInternals {
  _api: { getExpectedKeys(): unknown[] };
  _module: { __hiwire_set(index: number, value: unknown): number };
  makeMemorySnapshot(options: { serializer(obj: unknown): unknown }): Uint8Array;
}

/** Loader options for the Pyodide that takes the snapshot. */
export const MAKE_SNAPSHOT = { _makeSnapshot: true } as const;

/** Loader options for a Pyodide that starts from `bytes`. */
export function loadSnapshot(bytes: Uint8Array): {
  _loadSnapshot: Uint8Array;
  _snapshotDeserializer: () => null;
} {
  return { _loadSnapshot: bytes, _snapshotDeserializer: () => null };
}

/**
 * The heap as it is now. Pyodide checks that its first hiwire slots hold its own objects
 * (`jsglobals`, its public API, its internal API...), but the engine let go of them (it
 * unregistered `js` and `pyodide_js` and dropped the proxies Python kept of Pyodide's API, so that
 * Python holds no JavaScript object): they are filled again here only for that check (the heap
 * still says they are free, and a restore fills them itself). Slot 0 is always empty.
 */
export function takeSnapshot(py: PyodideInterface): Uint8Array {
  const internals = py as unknown as SnapshotInternals;
  const expected = internals._api.getExpectedKeys();
  for (let slot = 1; slot < expected.length; slot++) internals._module.__hiwire_set(slot, expected[slot]);
  return internals.makeMemorySnapshot({ serializer: () => null });
}

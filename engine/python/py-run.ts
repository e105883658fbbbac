// The Python side of a run as the host holds it: Pyodide proxies of the Run's methods and
// buffers (engine/python/runtime.py, ops.py), typed by what is called on them.

/** The Pyodide proxies the host uses; typed by what is called on them. */
export interface PyCallable<A extends unknown[], R> {
  (...args: A): R;
  destroy(): void;
}
export interface PyList {
  length: number;
  toJs(): string[];
  destroy(): void;
}
export interface PyTuple {
  toJs(): number[];
  destroy(): void;
}

/** The Python Run (engine/python/runtime.py) as a proxy: what attach() takes from it. */
export interface PyRun {
  run_batch: PyCallable<[number, number, number, number], number>;
  take_clock: PyCallable<[number, number], void>;
  select_io: PyCallable<[number, number, number, number], number>;
  process_io: PyCallable<[number, number, number], number>;
  ops: { addresses(): PyTuple; strs: PyList; destroy(): void };
  batch: { grow: PyCallable<[number], number>; location(): PyTuple; destroy(): void };
  destroy(): void;
}

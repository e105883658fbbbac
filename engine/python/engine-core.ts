// The engine without its host: createEngineWith() starts Pyodide from a memory snapshot of a
// pristine engine (snapshot.ts; about 0.3 s against 3 s for a normal start), writes the
// engine's Python sources it is given into Pyodide's file system (engine-python.ts), and run()
// executes one program on a fresh run (fresh globals, fresh scheduler, seeded random, the heap
// as it was after start-up: engine-heap.ts) and returns its trace. No Node or DOM API here:
// engine.ts (Node) reads the sources with fs and imports Pyodide's npm package;
// engine/chromium/worker.ts passes sources bundled by Vite and Pyodide loaded from the app's own
// assets.

import type { PyodideInterface } from 'pyodide';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type RunOptions, type Trace } from '../../common/trace';
import { Channel, type DeviceFS, type Gil } from './channel';
import { RunHost, type PyRun } from './host';
import type { RunHooks } from './run-hooks';
import { mountDisk, openStreams, unmountDisk, type EmFS } from './disk';
import { checkHeap, heapOf, heapViews, restoreHeap, type HeapImage } from './engine-heap';
import { installPython, writePython, type EngineSources } from './engine-python';
import { loadSnapshot, MAKE_SNAPSHOT, takeSnapshot } from './snapshot';

type LoadPyodide = (options: {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string>;
  jsglobals: object;
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
  _snapshotDeserializer?: (obj: unknown) => unknown;
}) => Promise<PyodideInterface>;

export interface EngineHooks {
  /** Right after Pyodide starts (the engine's Python is in it), before any run: the host sets its interrupt buffer. */
  onPyodide?(py: PyodideInterface): void;
}

export type { RunHooks };

export interface Engine {
  /** 'snapshot': from the snapshot it was given; 'own snapshot': it had none that loaded, and made one. */
  readonly startedFrom: 'snapshot' | 'own snapshot';
  run(source: string, fileName: string, options?: Partial<RunOptions>, hooks?: RunHooks): Promise<Trace>;
}

/** engine/python/program.py's two steps: JavaScript takes the run's proxies between them. */
interface Program {
  prepare(fd: number, source: string, fileName: string, options: unknown): PyRun;
  run_program(run: PyRun): void;
  destroy(): void;
}

/** One program on `host`; the heap is as the caller wants it, the disk is mounted. */
type RunOn = (host: RunHost, source: string, fileName: string, opts: RunOptions) => void;

/**
 * Runs programs through the run's channel (channel.ts): Python gets the channel's descriptor and
 * the options as a dict, never a JavaScript object. The channel is JavaScript state (a device in
 * Pyodide's file system), so an engine started from a snapshot makes its own.
 */
function runnerOf(py: PyodideInterface): { runOn: RunOn; destroy(): void } {
  const program = py.pyimport('_loopscope.program') as unknown as Program;
  const channel = new Channel(py.FS as unknown as DeviceFS, heapOf(py) as unknown as Gil);
  const runOn: RunOn = (host, source, fileName, opts) => {
    const options = py.toPy(opts) as { destroy(): void };
    let run: PyRun | null = null;
    try {
      run = program.prepare(channel.open(host), source, fileName, options);
      host.attach(run);
      program.run_program(run);
    } finally {
      if (!channel.close())
        host.fault ??=
          "the run's channel to the engine was closed or replaced: a program that does so ends its own run";
      run?.destroy();
      options.destroy();
      host.dispose();
    }
  };
  return { runOn, destroy: () => program.destroy() };
}

/** A tiny program run once at start-up so the image holds every lazily imported module. */
const WARM_UP = 'import asyncio\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())\n';

const quiet = (): void => {};
// Fixed string hashing: set and dict orders must not change from one process to the next.
// `import js` sees an empty object, not globalThis: a program has no business there.
const startOptions = (): Parameters<LoadPyodide>[0] => ({
  stdout: quiet,
  stderr: quiet,
  env: { PYTHONHASHSEED: '0' },
  jsglobals: {},
});

/**
 * A restored engine runs on wasm code V8 has just compiled with its baseline compiler (a normal
 * start had run Python for seconds, and V8 had optimized what it uses): its first program ran up
 * to 3 times slower and could trip the step budget. These runs, after the heap image is taken
 * (every run restores it, so they leave nothing), use importing, compiling, the eval loop and
 * asyncio twice (measured: the first program then runs as fast as after a normal start, for
 * about 0.5 s more start). A standard-library module is imported and forgotten again
 * (sys.modules as it was) so the zip and unmarshal paths are used too.
 */
const RESTORED_WARM_UP = `import sys
_before = set(sys.modules)
import statistics
for _name in set(sys.modules) - _before:
    del sys.modules[_name]
_total = 0
for _i in range(20000):
    _total += _i % 7
${WARM_UP}`;
const RESTORED_WARM_UPS = 2;

/** A warm-up program, with the disk a run has. */
function warmUp(py: PyodideInterface, runOn: RunOn, program = WARM_UP): void {
  const fs = py.FS as unknown as EmFS;
  const baseStreams = openStreams(fs);
  mountDisk(fs);
  try {
    runOn(new RunHost(DEFAULT_RUN_OPTIONS, {}, heapViews(py)), program, 'warmup.py', DEFAULT_RUN_OPTIONS);
  } finally {
    unmountDisk(fs, baseStreams);
  }
}

/**
 * The snapshot every engine starts from: Pyodide with the engine's Python installed and one
 * warm-up run, and no program of anyone's ever run in it. Every engine started from
 * the same snapshot starts from the same heap.
 */
export async function makeEngineSnapshot(load: LoadPyodide, sources: EngineSources): Promise<Uint8Array> {
  const py = await load({ ...startOptions(), ...MAKE_SNAPSHOT });
  installPython(py, sources);
  checkHeap(py);
  const runner = runnerOf(py);
  warmUp(py, runner.runOn);
  runner.destroy();
  return takeSnapshot(py);
}

async function startFrom(
  load: LoadPyodide,
  sources: EngineSources,
  snapshot: Uint8Array,
): Promise<PyodideInterface> {
  const py = await load({ ...startOptions(), ...loadSnapshot(snapshot) });
  writePython(py, sources);
  checkHeap(py);
  return py;
}

/**
 * `snapshot`: makeEngineSnapshot()'s bytes, made by a trusted step of the host. Without one, or
 * with one that does not load (corrupt, another Pyodide's), the engine makes its own first, so
 * that every engine runs programs from a snapshot's heap (a normal start leaves other bytes).
 */
export async function createEngineWith(
  load: LoadPyodide,
  sources: EngineSources,
  hooks: EngineHooks = {},
  snapshot?: Uint8Array,
): Promise<Engine> {
  const given = snapshot ? await startFrom(load, sources, snapshot).catch(() => null) : null;
  const py = given ?? (await startFrom(load, sources, await makeEngineSnapshot(load, sources)));
  const startedFrom = given ? 'snapshot' : 'own snapshot';
  hooks.onPyodide?.(py);
  const { runOn } = runnerOf(py);
  const views = heapViews(py);
  const fs = py.FS as unknown as EmFS;
  const baseStreams = openStreams(fs);
  const image: HeapImage = { bytes: heapOf(py).HEAPU8.slice() };
  for (let i = 0; i < RESTORED_WARM_UPS; i++) {
    restoreHeap(py, image);
    warmUp(py, runOn, RESTORED_WARM_UP);
  }
  let busy = false;
  return {
    startedFrom,
    async run(source, fileName, options = {}, runHooks = {}): Promise<Trace> {
      if (busy) throw new Error('the engine runs one program at a time');
      busy = true;
      const opts: RunOptions = { ...DEFAULT_RUN_OPTIONS, ...options };
      const host = new RunHost(opts, runHooks, views);
      try {
        restoreHeap(py, image);
        mountDisk(fs);
        runOn(host, source, fileName, opts);
      } catch (e) {
        if (!host.result)
          host.end({
            kind: 'internalError',
            message: `internal error: ${(e as Error).message.split('\n').slice(-2).join(' ')}`,
          });
      } finally {
        try {
          unmountDisk(fs, baseStreams);
        } finally {
          busy = false;
        }
      }
      if (host.fault !== null) host.fail(`internal error: ${host.fault}`);
      const r = host.recorder;
      return {
        version: TRACE_VERSION,
        source,
        fileName,
        options: opts,
        actors: r.actors,
        steps: r.steps,
        events: r.events,
        end:
          host.result ?? r.finish({ kind: 'internalError', message: 'internal error: the run did not end' }),
      };
    },
  };
}

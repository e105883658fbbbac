// The engine without its host: createEngineWith() starts Pyodide from a memory snapshot of a
// pristine engine (snapshot.ts; about 0.3 s against 3 s for a normal start), writes the
// engine's Python sources it is given into Pyodide's file system, and run() executes one program
// on a fresh run (fresh globals, fresh scheduler, seeded random) and returns its trace. No Node or DOM API here: engine.ts (Node) reads the
// sources with fs and imports Pyodide's npm package; engine/chromium/worker.ts passes sources
// bundled by Vite and Pyodide loaded from the app's own assets.

import type { PyodideInterface } from 'pyodide';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type RunOptions, type Trace } from '../../common/trace';
import { Channel, type DeviceFS, type Gil } from './channel';
import { RunHost, type PyRun, type RunHooks } from './host';
import { mountDisk, openStreams, unmountDisk, type EmFS } from './disk';
import { checkLayout, type Heap } from './pylist';
import { loadSnapshot, MAKE_SNAPSHOT, takeSnapshot } from './snapshot';

/** The engine's Python: `_loopscope/<name>.py` for each of PY_MODULES, and every world/*.py. */
export interface EngineSources {
  /** Module name (without .py) to its text; must hold every name in PY_MODULES. */
  modules: Record<string, string>;
  /** File name (with .py) to its text, for `_loopscope/world/`. */
  world: Record<string, string>;
}

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

/** The Python package the engine writes into Pyodide's file system, in import order. */
export const PY_MODULES = [
  'state',
  'faults',
  'ops',
  'callbacks',
  'actors',
  'unsupported',
  'loop_warnings',
  'loop',
  'waits',
  'lines',
  'reprs',
  'resource_names',
  'resource_state',
  'resources',
  'capture',
  'stages',
  'channel',
  'run_world',
  'clock_mirror',
  'selection',
  'step_reports',
  'runtime',
  'patches',
  'program',
];
const PY_ROOT = '/loopscope';

/** engine/python/program.py's two steps: JavaScript takes the run's proxies between them. */
interface Program {
  prepare(fd: number, source: string, fileName: string, options: unknown): PyRun;
  run_program(run: PyRun): void;
  destroy(): void;
}

/** One program on `host`; the heap is as the caller wants it, the disk is mounted. */
type RunOn = (host: RunHost, source: string, fileName: string, opts: RunOptions) => void;

/** The engine's .py files: imported before the snapshot, but tracebacks and linecache read them. */
function writePython(py: PyodideInterface, sources: EngineSources): void {
  py.FS.mkdirTree(`${PY_ROOT}/_loopscope`);
  py.FS.writeFile(`${PY_ROOT}/_loopscope/__init__.py`, '');
  for (const name of PY_MODULES) {
    const text = sources.modules[name];
    if (text === undefined) throw new Error(`the engine's Python module ${name}.py is missing`);
    py.FS.writeFile(`${PY_ROOT}/_loopscope/${name}.py`, text);
  }
  py.FS.mkdirTree(`${PY_ROOT}/_loopscope/world`);
  for (const name of Object.keys(sources.world)
    .filter((n) => n.endsWith('.py'))
    .sort())
    py.FS.writeFile(`${PY_ROOT}/_loopscope/world/${name}`, sources.world[name]);
}

function installPython(py: PyodideInterface, sources: EngineSources): void {
  writePython(py, sources);
  py.runPython(`
import sys, asyncio
sys.path.insert(0, ${JSON.stringify(PY_ROOT)})
asyncio.events._set_running_loop(None)  # Pyodide starts with its WebLoop running
import _loopscope.program
`);
  // Pyodide's JavaScript API (mountNodeFS, useNodeSockFS, runPython, FS...) is no business of a
  // program: the engine's Python has what it needs by now, so the name goes, and with it what
  // Pyodide imported of it; patches.py's gate makes `import pyodide_js` say why.
  py.unregisterJsModule('pyodide_js');
  // `js` (an empty object here) is a JavaScript object all the same, and from any JavaScript
  // object the prototypes are one attribute away: a program has no use for it.
  py.unregisterJsModule('js');
  py.runPython('import _loopscope.patches\n_loopscope.patches.close_js_api()');
}

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

/**
 * The WebAssembly heap as it was after start-up, put back before every run. Object addresses
 * decide the iteration order of sets of tasks (asyncio.wait, as_completed), so a run that found
 * the allocator as the previous run left it could order them differently: restoring the heap
 * makes every run start from the same bytes, and frees whatever the previous program kept.
 */
interface HeapImage {
  bytes: Uint8Array;
}

interface WasmModule extends Heap {
  HEAPU8: Uint8Array;
}

function heapOf(py: PyodideInterface): WasmModule {
  return (py as unknown as { _module: WasmModule })._module;
}

/**
 * The heap views the run's host reads, and nothing else: the host is a JavaScript object Python
 * holds during the run, so what it hands out must not lead to the Emscripten module (its FS,
 * NODEFS and Pyodide's API reach Node's `fs`, and through it every open file descriptor).
 * The same object until the wasm memory grows, so the per-batch call allocates nothing.
 */
function heapViews(py: PyodideInterface): () => Heap {
  let views: Heap = { HEAPU32: new Uint32Array(0), HEAPF64: new Float64Array(0) };
  return () => {
    const m = heapOf(py);
    if (views.HEAPU32 !== m.HEAPU32) views = Object.freeze({ HEAPU32: m.HEAPU32, HEAPF64: m.HEAPF64 });
    return views;
  };
}

function restoreHeap(py: PyodideInterface, image: HeapImage): void {
  const heap = heapOf(py).HEAPU8;
  heap.set(image.bytes);
  if (heap.length > image.bytes.length) heap.fill(0, image.bytes.length);
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

function checkHeap(py: PyodideInterface): void {
  const probe = py.runPython('import _loopscope.ops as o\n[id(o.PROBE), id(int), id(float)]') as {
    toJs(): number[];
    destroy(): void;
  };
  const [list, intType, floatType] = probe.toJs();
  probe.destroy();
  checkLayout(heapOf(py), { list, intType, floatType });
}

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

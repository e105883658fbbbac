// The engine's Python in Pyodide: which modules it is (in import order), where they are written
// in Pyodide's file system, and the start-up step that imports them and closes the program's
// ways to JavaScript (engine-core.ts calls it before the snapshot).

import type { PyodideInterface } from 'pyodide';

/** The engine's Python: `_loopscope/<name>.py` for each of PY_MODULES, and every world/*.py. */
export interface EngineSources {
  /** Module name (without .py) to its text; must hold every name in PY_MODULES. */
  modules: Record<string, string>;
  /** File name (with .py) to its text, for `_loopscope/world/`. */
  world: Record<string, string>;
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
  'handles',
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
  'js_gate',
  'streams',
  'patches',
  'program',
];
const PY_ROOT = '/loopscope';

/** The engine's .py files: imported before the snapshot, but tracebacks and linecache read them. */
export function writePython(py: PyodideInterface, sources: EngineSources): void {
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

export function installPython(py: PyodideInterface, sources: EngineSources): void {
  writePython(py, sources);
  py.runPython(`
import sys, asyncio
sys.path.insert(0, ${JSON.stringify(PY_ROOT)})
asyncio.events._set_running_loop(None)  # Pyodide starts with its WebLoop running
import _loopscope.program
`);
  // Pyodide's JavaScript API (mountNodeFS, useNodeSockFS, runPython, FS...) is no business of a
  // program: the engine's Python has what it needs by now, so the name goes, and with it what
  // Pyodide imported of it; js_gate.py's gate makes `import pyodide_js` say why.
  py.unregisterJsModule('pyodide_js');
  // `js` (an empty object here) is a JavaScript object all the same, and from any JavaScript
  // object the prototypes are one attribute away: a program has no use for it.
  py.unregisterJsModule('js');
  py.runPython('import _loopscope.js_gate\n_loopscope.js_gate.close_js_api()');
}

// The engine's public face under Node: createEngine() loads Pyodide from its npm package and the
// engine's Python from the files beside this module (not bundler `?raw` imports), so the engine
// runs under plain Node and tsx; a bundle must copy engine/python/*.py and world/ beside it.
// The engine itself is engine-core.ts (no Node API); the Chromium host passes its own sources.

import { readdirSync, readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { createEngineWith, makeEngineSnapshot, type Engine, type EngineHooks } from './engine-core';
import { PY_MODULES, type EngineSources } from './engine-python';

export type { Engine, EngineHooks, RunHooks } from './engine-core';
export type { EngineSources } from './engine-python';

/** The virtual world's package (network, threads, files): every .py in world/, shared with the oracle. */
const WORLD_DIR = new URL('./world/', import.meta.url);

/** The engine's Python as the files beside this module (or its bundle) hold it. */
export function readEngineSources(): EngineSources {
  const modules: Record<string, string> = {};
  for (const name of PY_MODULES)
    modules[name] = readFileSync(new URL(`./${name}.py`, import.meta.url), 'utf8');
  const world: Record<string, string> = {};
  for (const name of readdirSync(WORLD_DIR).filter((n) => n.endsWith('.py')))
    world[name] = readFileSync(new URL(name, WORLD_DIR), 'utf8');
  return { modules, world };
}

/** `snapshot`: makeSnapshot()'s bytes; without it (or if it does not load) the engine makes its own first. */
export async function createEngine(hooks: EngineHooks = {}, snapshot?: Uint8Array): Promise<Engine> {
  return createEngineWith(loadPyodide, readEngineSources(), hooks, snapshot);
}

/** The snapshot engines start from (engine-core.ts makeEngineSnapshot); for a trusted step of the host. */
export async function makeSnapshot(): Promise<Uint8Array> {
  return makeEngineSnapshot(loadPyodide, readEngineSources());
}

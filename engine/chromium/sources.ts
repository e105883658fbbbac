// The engine's Python sources, bundled into the worker by Vite (the Node host reads the same
// files with fs: engine/python/engine.ts).
import type { EngineSources } from '../python/engine-python';

const modules = import.meta.glob<string>('../python/*.py', { query: '?raw', import: 'default', eager: true });
const world = import.meta.glob<string>('../python/world/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const byName = (files: Record<string, string>, strip: RegExp): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(strip, ''), text]));

export const engineSources: EngineSources = {
  modules: byName(modules, /^.*\/|\.py$/g),
  world: byName(world, /^.*\//),
};

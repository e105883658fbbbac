// The engine snapshot the host made beside the Node bundle (vitest's global setup makes sure of
// it), for tests that start an engine in their own process: they start from the same bytes as
// every engine process, in a fraction of the time. Without it the engine makes its own.
import { readFileSync } from 'node:fs';
import { createEngine, type Engine } from '../../engine/python/engine';
import { readSnapshotIn } from '../../engine/node/snapshot-file';

const BUNDLE_DIR = new URL('../../node_modules/.cache/loopscope-engine/', import.meta.url);
const PYODIDE_PACKAGE = new URL('../../node_modules/pyodide/package.json', import.meta.url);

export function cachedSnapshot(): Uint8Array | undefined {
  const { version } = JSON.parse(readFileSync(PYODIDE_PACKAGE, 'utf8')) as { version: string };
  return readSnapshotIn(BUNDLE_DIR, version);
}

/** An engine in this process, from the cached snapshot. */
export function createTestEngine(): Promise<Engine> {
  return createEngine({}, cachedSnapshot());
}

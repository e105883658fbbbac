// The engine's start, from its snapshot and without one, in the same run (alternating, so the
// machine's load falls on both): the engine process (spawn to 'ready', on the Node that runs it)
// with the host's snapshot beside its bundle, and with none (the engine then makes its own:
// a normal start, the snapshot taken, and a restore); and in this process, making the snapshot
// (a normal start plus taking it) against starting from it.
// Run: npx tsx tests/bench/engine-start.ts [N]
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildNodeBundle, type NodeBundle } from '../../main/host/node-bundle';
import { ensureEngineSnapshot } from '../../main/host/engine-snapshot';
import { findEngineRuntime } from '../../main/host/engine-runtime';
import { createNodeLauncher } from '../../main/host/node-launcher';
import { createSimService } from '../../main/host/sim-service';
import { createEngine, makeSnapshot } from '../../engine/python/engine';
import { SNAPSHOT_FILE } from '../../engine/node/snapshot-file';

const N = Number(process.argv[2] ?? 5);
const r = findEngineRuntime();
const bundle = await buildNodeBundle();
console.log(`snapshot: ${(await ensureEngineSnapshot(bundle)).state}`);
// Beside the bundle, so that its `import 'pyodide'` resolves the same.
const bare = `${bundle.dir}-bare`;
cpSync(bundle.dir, bare, { recursive: true, filter: (src) => !src.includes(SNAPSHOT_FILE) });
const without: NodeBundle = {
  ...bundle,
  entry: join(bare, 'engine-process.mjs'),
  dir: bare,
  readPaths: [bare, bundle.pyodideDir],
};

async function processStart(b: NodeBundle): Promise<number> {
  const t0 = performance.now();
  const service = createSimService({ launcher: createNodeLauncher(b), standby: false });
  await service.containment();
  const ms = performance.now() - t0;
  await service.dispose();
  return ms;
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

const figures: Record<string, number[]> = {
  'engine process, from the snapshot': [],
  'engine process, no snapshot (makes its own)': [],
  'in process, normal start + taking the snapshot': [],
  'in process, from the snapshot': [],
};
const rows = Object.values(figures);
let snapshot: Uint8Array = new Uint8Array();
for (let i = 0; i < N; i++) {
  rows[0].push(await processStart(bundle));
  rows[1].push(await processStart(without));
  rows[2].push(await timed(async () => (snapshot = await makeSnapshot())));
  rows[3].push(await timed(() => createEngine({}, snapshot)));
}
rmSync(bare, { recursive: true, force: true });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`engine start on Node ${r.version} (${r.source}), median of ${N} (min-max), same run:`);
for (const [name, xs] of Object.entries(figures))
  console.log(
    `  ${name.padEnd(48)} ${(median(xs) / 1000).toFixed(2)} s (${(Math.min(...xs) / 1000).toFixed(2)}-${(Math.max(...xs) / 1000).toFixed(2)})`,
  );
console.log(
  `  ratio, engine process: ${(median(rows[1]) / median(rows[0])).toFixed(1)}x; in process: ${(median(rows[2]) / median(rows[3])).toFixed(1)}x`,
);

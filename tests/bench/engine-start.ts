// The engine process's start (spawn to 'ready': Pyodide and the engine's Python loaded) on the
// Node that runs it. Run: npx tsx tests/bench/engine-start.ts [N]
import { createNodeSimService } from '../../main/host/run-contained';
import { findEngineRuntime } from '../../main/host/engine-runtime';

const N = Number(process.argv[2] ?? 3);
const r = findEngineRuntime();
const times: number[] = [];
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  const service = await createNodeSimService({ standby: false });
  await service.containment();
  times.push(performance.now() - t0);
  await service.dispose();
}
times.sort((a, b) => a - b);
console.log(
  `engine start on Node ${r.version} (${r.source}): median ${(times[N >> 1] / 1000).toFixed(2)} s, min ${(times[0] / 1000).toFixed(2)} s over ${N}`,
);

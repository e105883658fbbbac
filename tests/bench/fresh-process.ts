// Runs/minute of small programs through the Node host, with a fresh engine process per run (the
// default: a warm standby takes each run) and with one process reused, and the engine's start
// time. Figures, not verdicts: the machine's load moves them.
// Run: npx tsx tests/bench/fresh-process.ts [RUNS]
import { createNodeSimService } from '../../main/host/run-contained';

const RUNS = Number(process.argv[2] ?? 12);
const SMALL =
  'import asyncio\nasync def w(i):\n    await asyncio.sleep(0.1 * i)\n    return i\nasync def main():\n    print(sum(await asyncio.gather(*(w(i) for i in range(10)))))\nasyncio.run(main())\n';

for (const fresh of [true, false]) {
  const t0 = performance.now();
  const service = await createNodeSimService({ standby: true, freshProcessPerRun: fresh });
  await service.warm();
  const warmMs = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const trace = await service.run({ source: SMALL, fileName: 'small.py' }, () => {});
    if (trace.end.kind !== 'ok') throw new Error(JSON.stringify(trace.end));
  }
  const s = (performance.now() - t1) / 1000;
  console.log(
    `${fresh ? 'fresh process per run' : 'one process reused   '}: ${RUNS} runs in ${s.toFixed(1)} s = ${((RUNS / s) * 60).toFixed(0)} runs/minute (primary + standby warm after ${(warmMs / 1000).toFixed(1)} s)`,
  );
  await service.dispose();
}

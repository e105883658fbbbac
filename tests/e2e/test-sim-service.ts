// The SimService behind the test bridge: the real engine in a contained engine process, started
// exactly as the CLI starts it (main/host), so the renderer under test sees real runs.
// Deliberately the Node host, not the app's Chromium host: the Chromium host gives every run a
// fresh worker, so back-to-back runs (which these specs make by the dozen) each wait for a
// Pyodide load in the worker (measured 21 s on this loaded machine, against 0.4 s for a run on
// a warm standby; tests/bench/chromium.ts). The Chromium host's own runs, containment and bad
// input are checked with the same SimService in tests/chromium-engine/. The specs' programs are
// the project's own, so one engine process runs them one after another (freshProcessPerRun:
// false; a run that taints it, a runaway or an exit, still gets a new one from the standby):
// a process per run cost each spec seconds of CPU. A fresh process per run, the app's and the
// CLI's way, is what tests/host and tests/chromium-engine check.
import { createNodeSimService } from '../../main/host/run-contained';
import type { HostedSimService } from '../../main/host/sim-service';

export async function createTestSimService(): Promise<HostedSimService> {
  const sim = await createNodeSimService({ standby: true, freshProcessPerRun: false });
  await sim.warm();
  return sim;
}

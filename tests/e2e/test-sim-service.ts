// The SimService behind the test bridge: the real engine in a contained engine process, started
// exactly as the CLI starts it (main/host), so the renderer under test sees real runs.
// Deliberately the Node host, not the app's Chromium host: the Chromium host gives every run a
// fresh worker, so back-to-back runs (which these specs make by the dozen) each wait for a
// Pyodide load in the worker (measured 21 s on this loaded machine, against 0.4 s for a run on
// a warm standby; tests/bench/chromium.ts). The Chromium host's own runs, containment and bad
// input are checked with the same SimService in tests/chromium-engine/. Every run gets a fresh
// engine process, so a warm standby loads the next one while a spec looks at the last run.
import { createNodeSimService } from '../../main/host/run-contained';
import type { HostedSimService } from '../../main/host/sim-service';

export async function createTestSimService(): Promise<HostedSimService> {
  const sim = await createNodeSimService({ standby: true });
  await sim.warm();
  return sim;
}

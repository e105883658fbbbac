// The SimService behind the test bridge: the real engine in a contained engine process, started
// exactly as the CLI starts it (main/host), so the renderer under test sees real runs.
import { createNodeSimService } from '../../main/host/run-contained';
import type { HostedSimService } from '../../main/host/sim-service';

export async function createTestSimService(): Promise<HostedSimService> {
  const sim = await createNodeSimService({ standby: false });
  await sim.warm();
  return sim;
}

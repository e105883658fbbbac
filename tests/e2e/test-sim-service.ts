// The SimService behind the test bridge: the real engine in a contained engine process, started
// exactly as the CLI starts it (main/host), so the renderer under test sees real runs.
import type { HostedSimService } from '../../main/host/sim-service';
import { createSimService } from '../../main/host/sim-service';
import { buildNodeBundle } from '../../main/host/node-bundle';
import { createNodeLauncher } from '../../main/host/node-launcher';

export async function createTestSimService(): Promise<HostedSimService> {
  const bundle = await buildNodeBundle();
  const sim = createSimService({ launcher: createNodeLauncher(bundle), standby: false });
  await sim.warm();
  return sim;
}

// The SimService behind the test bridge: the real engine, run as the app runs it.
import type { SimService } from '../../main/ipc/handlers';
import { createEngine } from '../../main/python/engine';

export async function createTestSimService(): Promise<SimService & { dispose?: () => Promise<void> }> {
  const engine = await createEngine();
  return {
    run: (request) => engine.run(request.source, request.fileName, request.options),
    cancel: async () => undefined,
  };
}

// One program, run once in a contained engine process, for the CLI (`npm run sim`): builds the
// Node bundle of the engine process if the sources changed, starts one process (no standby:
// nothing follows), runs, and shuts it down. Not contained is a warning, not an error.
import type { RunOptions, Trace } from '../../common/trace';
import type { SimProgress } from '../../preload/loopscope';
import { buildNodeBundle } from './node-bundle';
import { createNodeLauncher } from './node-launcher';
import type { ContainmentReport } from '../../engine/protocol';
import { createSimService, type HostedSimService, type SimServiceOptions } from './sim-service';

/** A contained engine service in plain Node (CLI, tests): the engine process's esbuild bundle, forked. */
export async function createNodeSimService(
  options: Omit<SimServiceOptions, 'launcher' | 'mainDir'> = {},
): Promise<HostedSimService> {
  return createSimService({ launcher: createNodeLauncher(await buildNodeBundle()), ...options });
}

export interface RunContainedHooks {
  onProgress?: (progress: SimProgress) => void;
  /** Called once the engine process has reported on itself, before the program runs. */
  onContainment?: (report: ContainmentReport) => void;
  signal?: AbortSignal;
  stepBudgetMs?: number;
}

export async function runContained(
  source: string,
  fileName: string,
  options: Partial<RunOptions> = {},
  hooks: RunContainedHooks = {},
): Promise<Trace> {
  const service = await createNodeSimService({
    standby: false,
    ...(hooks.stepBudgetMs ? { stepBudgetMs: hooks.stepBudgetMs } : {}),
  });
  const onAbort = (): void => void service.cancel();
  hooks.signal?.addEventListener('abort', onAbort);
  try {
    if (hooks.onContainment) void service.containment().then(hooks.onContainment, () => {});
    return await service.run({ source, fileName, options }, hooks.onProgress ?? (() => {}));
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
    await service.dispose();
  }
}

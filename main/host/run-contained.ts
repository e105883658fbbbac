// One program, run once in a contained engine process, for the CLI (`npm run sim`): builds the
// Node bundle of the engine process if the sources changed, starts one process (no standby:
// nothing follows), runs, and shuts it down. Not contained is a warning, not an error.
import type { RunOptions, Trace } from '../../common/trace';
import type { SimProgress } from '../../common/apiTypes';
import { buildNodeBundle } from './node-bundle';
import { ensureEngineSnapshot } from './engine-snapshot';
import { createNodeLauncher } from './node-launcher';
import { findEngineRuntime } from './engine-runtime';
import type { ContainmentReport } from '../../engine/protocol';
import { createSimService, expectTrace, type HostedSimService, type SimServiceOptions } from './sim-service';

/** A contained engine service in plain Node (CLI, tests): the engine process's esbuild bundle, forked. */
export async function createNodeSimService(
  options: Omit<SimServiceOptions, 'launcher'> = {},
): Promise<HostedSimService> {
  const bundle = await buildNodeBundle();
  await ensureEngineSnapshot(bundle);
  return createSimService({ launcher: createNodeLauncher(bundle), ...options });
}

/** Which Node runs the engine and whether the network is denied (`sim --version`). */
export function engineRuntimeReport():
  { version: string; source: string; execPath: string; networkDenied: boolean } | { error: string } {
  try {
    const r = findEngineRuntime();
    return { version: r.version, source: r.source, execPath: r.execPath, networkDenied: r.networkDenied };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export interface RunContainedHooks {
  onProgress?: (progress: SimProgress) => void;
  /** Called once the engine process has reported on itself, before the program runs. */
  onContainment?: (report: ContainmentReport) => void;
  signal?: AbortSignal;
  stepBudgetMs?: number;
  /** Wall time the run may take (ms), enforced from outside the engine process. */
  wallBudgetMs?: number;
  /** Resident memory the engine process may use (MB). */
  memoryCapMb?: number;
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
    ...(hooks.wallBudgetMs ? { wallBudgetMs: hooks.wallBudgetMs } : {}),
    ...(hooks.memoryCapMb ? { memoryCapMb: hooks.memoryCapMb } : {}),
  });
  const onAbort = (): void => void service.cancel();
  hooks.signal?.addEventListener('abort', onAbort);
  try {
    if (hooks.onContainment) void service.containment().then(hooks.onContainment, () => {});
    return expectTrace(await service.run({ source, fileName, options }, hooks.onProgress ?? (() => {})));
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
    await service.dispose();
  }
}

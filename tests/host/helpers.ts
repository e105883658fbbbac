// Shared by the host tests: one contained engine service per test file (each start is a
// Pyodide load, seconds on CI), a run helper that never forgets progress, and output readers.
import type { RunOptions, Trace } from '../../common/trace';
import type { SimProgress } from '../../common/apiTypes';
import { createNodeSimService } from '../../main/host/run-contained';
import { expectTrace, type HostedSimService, type SimServiceOptions } from '../../main/host/sim-service';

export async function startService(
  options: Omit<SimServiceOptions, 'launcher' | 'mainDir'> = {},
): Promise<HostedSimService> {
  const service = await createNodeSimService(options);
  await service.containment();
  return service;
}

export function stdout(trace: Trace): string {
  return trace.events.flatMap((e) => (e.t === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');
}

export function stderr(trace: Trace): string {
  return trace.events.flatMap((e) => (e.t === 'output' && e.stream === 'stderr' ? [e.text] : [])).join('');
}

export async function run(
  service: HostedSimService,
  source: string,
  fileName = 'scenario.py',
  progress: SimProgress[] = [],
  options?: Partial<RunOptions>,
): Promise<{ trace: Trace; ms: number }> {
  const t0 = performance.now();
  const trace = expectTrace(
    await service.run({ source, fileName, ...(options ? { options } : {}) }, (p) => progress.push(p)),
  );
  return { trace, ms: performance.now() - t0 };
}

/** Waits until `check` holds, polling; for a standby that is still loading. */
export async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const HELLO =
  'import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    print("hello")\nasyncio.run(main())\n';

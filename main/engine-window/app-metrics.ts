// The engine window's renderer, as Electron's app.getAppMetrics() reports it: its working set
// and its CPU time, read by the browser process from outside the renderer, on every platform
// (process-usage.ts reads /proc or `ps`, and nothing on Windows). Electron-free: engine-window.ts
// passes the metrics in.
import type { ProcessUsage } from '../host/process-usage';

/** The part of Electron's ProcessMetric read here (memory in KB, CPU time in seconds). */
export interface ProcessMetricLike {
  pid: number;
  memory: { workingSetSize: number };
  cpu: { cumulativeCPUUsage?: number };
}

export function usageFromMetrics(
  metrics: readonly ProcessMetricLike[],
  pid: number | undefined,
): ProcessUsage | null {
  if (!pid) return null;
  const m = metrics.find((x) => x.pid === pid);
  if (!m || m.cpu.cumulativeCPUUsage === undefined) return null;
  return { rssMb: m.memory.workingSetSize / 1024, cpuMs: m.cpu.cumulativeCPUUsage * 1000 };
}

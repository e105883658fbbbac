// The host's decisions on an engine process's memory and CPU time (main/host/usage-watch.ts),
// and how Electron's app metrics become a sample (main/engine-window/app-metrics.ts).
import { describe, expect, it } from 'vitest';
import { UsageWatch } from '../../main/host/usage-watch';
import { usageFromMetrics } from '../../main/engine-window/app-metrics';

const limits = { memoryCapMb: 1024, idleCpuBudgetMs: 1000, idleWindowMs: 30_000 };

describe('UsageWatch', () => {
  it('stops a running process over the memory cap, never for its CPU time', () => {
    const w = new UsageWatch(limits);
    expect(w.running({ at: 0, rssMb: 1000, cpuMs: 0 })).toBeNull();
    expect(w.running({ at: 1000, rssMb: 1000, cpuMs: 60_000 })).toBeNull();
    expect(w.running({ at: 2000, rssMb: 1025, cpuMs: 61_000 })).toEqual({ kind: 'memory', rssMb: 1025 });
  });

  it('stops an idle process over the memory cap at once', () => {
    const w = new UsageWatch(limits);
    expect(w.idleSample({ at: 0, rssMb: 2048, cpuMs: 0 })).toEqual({ kind: 'memory', rssMb: 2048 });
  });

  it('stops an idle process that uses more than the CPU budget within the window', () => {
    const w = new UsageWatch(limits);
    expect(w.idleSample({ at: 0, rssMb: 300, cpuMs: 5000 })).toBeNull();
    expect(w.idleSample({ at: 1000, rssMb: 300, cpuMs: 5600 })).toBeNull();
    expect(w.idleSample({ at: 2000, rssMb: 300, cpuMs: 6200 })).toEqual({ kind: 'idleCpu', cpuMs: 1200 });
  });

  it('lets a quiet process idle for hours: only CPU time within the window counts', () => {
    const w = new UsageWatch(limits);
    let cpu = 0;
    for (let at = 0; at <= 4 * 3600_000; at += 1000) {
      cpu += 5; // 5 ms a second: 72 s over four hours, far past the budget in total
      expect(w.idleSample({ at, rssMb: 300, cpuMs: cpu })).toBeNull();
    }
  });

  it('counts idle time from when the process is idle again: a run, or loading, resets it', () => {
    const w = new UsageWatch(limits);
    expect(w.idleSample({ at: 0, rssMb: 300, cpuMs: 0 })).toBeNull();
    expect(w.running({ at: 1000, rssMb: 300, cpuMs: 30_000 })).toBeNull();
    expect(w.idleSample({ at: 2000, rssMb: 300, cpuMs: 30_100 })).toBeNull();
    w.reset();
    expect(w.idleSample({ at: 3000, rssMb: 300, cpuMs: 50_000 })).toBeNull();
    expect(w.idleSample({ at: 4000, rssMb: 300, cpuMs: 50_100 })).toBeNull();
  });
});

describe('usageFromMetrics', () => {
  const metrics = [
    { pid: 10, memory: { workingSetSize: 204_800 }, cpu: { cumulativeCPUUsage: 1.5 } },
    { pid: 11, memory: { workingSetSize: 1024 }, cpu: {} },
  ];

  it("reads the renderer's working set (KB) and CPU time (s)", () => {
    expect(usageFromMetrics(metrics, 10)).toEqual({ rssMb: 200, cpuMs: 1500 });
  });

  it('is null for an unknown pid, no pid, or a metric without CPU time', () => {
    expect(usageFromMetrics(metrics, 12)).toBeNull();
    expect(usageFromMetrics(metrics, undefined)).toBeNull();
    expect(usageFromMetrics(metrics, 11)).toBeNull();
  });
});

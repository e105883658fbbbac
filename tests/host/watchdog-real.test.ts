// The watchdog against the real engine: it takes the host's interrupt buffer (the onPyodide
// hook) and reports step boundaries (onStep), so a runaway task is stopped in place and the run
// ends with "task X never awaited (line L): … after N s of real time"; the next run works at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostedSimService } from '../../main/host/sim-service';
import { HELLO, run, startService, stdout } from './helpers';

const BUDGET_MS = 1000;

const SPINNER = `import asyncio

async def spin():
    while True:
        pass

async def main():
    print("start")
    await asyncio.sleep(0.5)
    await asyncio.create_task(spin(), name="spinner")

asyncio.run(main())
`;

describe('the watchdog with the real engine', () => {
  let service: HostedSimService;

  beforeAll(async () => {
    service = await startService({ stepBudgetMs: BUDGET_MS, standby: true });
  });
  afterAll(async () => {
    await service?.dispose();
  });

  it('the real engine lets the host interrupt Python', async () => {
    expect((await service.containment()).interrupts).toBe(true);
  });

  it('a task that never awaits is named, with how long it ran and its line', async () => {
    const t0 = performance.now();
    const { trace } = await run(service, SPINNER, 'spin.py');
    console.log(`[host figure] real engine, in-place interrupt: ${Math.round(performance.now() - t0)} ms`);
    expect(trace.end).toMatchObject({ kind: 'runaway', exitCode: 1 });
    expect(trace.end.message).toMatch(
      /^task spinner never awaited \(line [45]\): .* after 1\.\d s of real time \(--step-budget raises the limit\)$/,
    );
    expect(stdout(trace)).toBe('start\n');
    const next = await run(service, HELLO, 'hello.py');
    expect(next.trace.end.kind).toBe('ok');
    expect(stdout(next.trace)).toBe('hello\n');
  });

  it('a runaway top level is stopped too, and named as such', async () => {
    const { trace } = await run(service, 'x = 0\nwhile True:\n    x += 1\n', 'top.py');
    // The interrupt lands between bytecodes of the loop: its test (line 2) or its body (line 3).
    expect(trace.end.kind).toBe('runaway');
    expect(trace.end.message).toMatch(
      /^the program's top level never awaited \(line [23]\): .* after \d\.\d s of real time \(--step-budget raises the limit\)$/,
    );
  });
});

// The in-place interrupt, tried against a minimal engine that offers only the onPyodide hook
// (fixtures/hooked-engine.ts; watchdog-real.test.ts tries the real engine): Python is stopped
// inside the process, the run ends with who ran and the line, and the process is retired.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeBundle } from '../../main/host/node-bundle';
import { createNodeLauncher } from '../../main/host/node-launcher';
import { createSimService, type HostedSimService } from '../../main/host/sim-service';
import { run } from './helpers';

const BUDGET_MS = 1000;
const here = fileURLToPath(new URL('.', import.meta.url));

describe('an engine that lets the host interrupt Python', () => {
  let service: HostedSimService;

  beforeAll(async () => {
    const bundle = await buildNodeBundle(
      join(here, '../../node_modules/.cache/loopscope-engine-hooked'),
      join(here, 'fixtures/hooked-engine.ts'),
    );
    service = createSimService({
      launcher: createNodeLauncher(bundle),
      stepBudgetMs: BUDGET_MS,
      standby: true,
    });
    await service.warm();
  });
  afterAll(async () => {
    await service?.dispose();
  });

  it('reports that it can be interrupted', async () => {
    expect((await service.containment()).interrupts).toBe(true);
  });

  it('a runaway top level is interrupted in place: who, how long and the line', async () => {
    const t0 = performance.now();
    const { trace } = await run(service, 'x = 0\nwhile True:\n    x += 1\n', 'spin.py');
    const ms = performance.now() - t0;
    console.log(
      `[host figure] in-place interrupt: run ended ${Math.round(ms - BUDGET_MS)} ms after the budget`,
    );
    expect(trace.end).toMatchObject({ kind: 'runaway', line: 3 });
    expect(trace.end.message).toMatch(
      /^the program's top level never awaited \(line 3\): the loop was stuck at t=0\.000 .* after 1\.\d s of real time \(--step-budget raises the limit\)$/,
    );
    const next = await run(service, 'print("fine")\n');
    expect(next.trace.end.kind).toBe('ok');
  });
});

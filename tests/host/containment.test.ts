// Containment is checked by the engine process itself and reported: an engine started
// without the permission flags must say so (the app shows it, the CLI warns), and the flags
// are the right ones for the Node that will run them.
import { describe, expect, it } from 'vitest';
import { buildNodeBundle } from '../../main/host/node-bundle';
import { createNodeLauncher } from '../../main/host/node-launcher';
import { permissionFlags } from '../../engine/node/permission-flags';
import { createSimService, DEFAULT_STEP_BUDGET_MS } from '../../main/host/sim-service';
import { engineMessage, hostMessage } from '../../engine/protocol';

const node20 = { has: (f: string) => f !== '--permission' && f !== '--no-experimental-websocket' };
const node22 = { has: () => true };

describe('containment', () => {
  it('Node 20 gets --experimental-permission, newer Node gets --permission, with read paths only', () => {
    expect(permissionFlags(['/app/out/main', '/app/node_modules/pyodide'], node20)).toEqual([
      '--experimental-permission',
      '--allow-fs-read=/app/out/main',
      '--allow-fs-read=/app/node_modules/pyodide',
      '--disallow-code-generation-from-strings',
      '--no-addons',
      '--no-experimental-fetch',
      '--no-warnings',
    ]);
    const flags = permissionFlags(['/x'], node22);
    expect(flags[0]).toBe('--permission');
    expect(flags.filter((f) => f.startsWith('--allow-'))).toEqual(['--allow-fs-read=/x']);
  });

  it('the watchdog budget defaults to 2 s', () => {
    expect(DEFAULT_STEP_BUDGET_MS).toBe(2000);
  });

  it('messages that do not fit the protocol are refused on both sides', () => {
    const good = {
      type: 'run',
      runId: 1,
      source: '',
      fileName: 'a.py',
      options: {},
      stepBudgetMs: 10,
      firstStepBudgetMs: 10,
    };
    expect(hostMessage.safeParse(good).success).toBe(true);
    expect(hostMessage.safeParse({ ...good, source: 1 }).success).toBe(false);
    expect(hostMessage.safeParse({ ...good, options: { evil: 1 } }).success).toBe(false);
    expect(hostMessage.safeParse({ type: 'eval', code: 'x' }).success).toBe(false);
    expect(engineMessage.safeParse({ type: 'loading', fraction: 7 }).success).toBe(false);
    expect(engineMessage.safeParse({ type: 'progress', runId: 1, steps: 3 }).success).toBe(true);
  });

  it('an engine started without the permission flags reports itself uncontained', async () => {
    const bundle = await buildNodeBundle();
    const service = createSimService({
      launcher: createNodeLauncher({ ...bundle, uncontained: true }),
      standby: false,
    });
    try {
      const report = await service.containment();
      expect(report.contained).toBe(false);
      expect(report.problems).toContain("Node's permission model is off (no --permission flag)");
      expect(report.problems).toContain('code generation from strings is allowed (Function, eval)');
      expect(service.contained()).toBe(false);
    } finally {
      await service.dispose();
    }
  });
});

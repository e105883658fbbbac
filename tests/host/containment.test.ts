// Containment is checked by the engine process itself and reported: an engine started
// without the permission flags must say so (the app shows it, the CLI warns), and the flags
// are the right ones for the Node that will run them.
import { describe, expect, it } from 'vitest';
import { buildNodeBundle } from '../../main/host/node-bundle';
import { createNodeLauncher } from '../../main/host/node-launcher';
import { permissionFlags } from '../../engine/node/permission-flags';
import { createSimService, DEFAULT_STEP_BUDGET_MS } from '../../main/host/sim-service';
import { engineMessage, hostMessage } from '../../engine/protocol';
import { createFrameReader, encodeFrame } from '../../engine/node/frames';
import { findEngineRuntime } from '../../main/host/engine-runtime';
import { escapeControls } from '../../main/cli/escape';

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
      secret: 'a'.repeat(32),
      source: '',
      fileName: 'a.py',
      options: {},
      stepBudgetMs: 10,
      firstStepBudgetMs: 10,
      wallBudget: { ms: 120_000, setting: '--wall-budget' },
    };
    expect(hostMessage.safeParse(good).success).toBe(true);
    expect(hostMessage.safeParse({ ...good, source: 1 }).success).toBe(false);
    expect(hostMessage.safeParse({ ...good, options: { evil: 1 } }).success).toBe(false);
    // Caps are whole and never negative; maxStepLines (--max-step-lines) is one of them.
    expect(hostMessage.safeParse({ ...good, options: { maxStepLines: 100, maxTime: 0.5 } }).success).toBe(
      true,
    );
    for (const options of [{ maxSteps: -1 }, { maxTasks: 1.5 }, { maxTime: -1 }])
      expect(hostMessage.safeParse({ ...good, options }).success, JSON.stringify(options)).toBe(false);
    expect(hostMessage.safeParse({ ...good, wallBudget: { ms: 0, setting: 'x' } }).success).toBe(false);
    expect(hostMessage.safeParse({ type: 'eval', code: 'x' }).success).toBe(false);
    expect(engineMessage.safeParse({ type: 'loading', fraction: 7 }).success).toBe(false);
    expect(hostMessage.safeParse({ ...good, secret: undefined }).success).toBe(false);
    const secret = 'b'.repeat(32);
    expect(engineMessage.safeParse({ type: 'progress', runId: 1, secret, steps: 3 }).success).toBe(true);
    // Run-tagged messages without the run's secret do not even parse.
    expect(engineMessage.safeParse({ type: 'progress', runId: 1, steps: 3 }).success).toBe(false);
    const trace = {
      version: 1,
      source: '',
      fileName: 'a.py',
      options: {},
      actors: [],
      steps: [],
      events: [],
      end: { kind: 'ok', message: '', exitCode: 0 },
    };
    const result = { type: 'result', runId: 1, secret, tainted: false, trace };
    expect(engineMessage.safeParse(result).success).toBe(true);
    for (const end of [
      { kind: 'ok', message: '', exitCode: 256 },
      { kind: 'ok', message: '', exitCode: -1 },
      { kind: 'pwned', message: '', exitCode: 0 },
      { kind: 'ok', message: 7, exitCode: 0 },
    ])
      expect(
        engineMessage.safeParse({ ...result, trace: { ...trace, end } }).success,
        JSON.stringify(end),
      ).toBe(false);
    expect(engineMessage.safeParse({ ...result, trace: { ...trace, events: 'x' } }).success).toBe(false);
  });

  it('frames: whole values in any chunking; garbage and oversized lengths are errors, not throws', () => {
    const got: unknown[] = [];
    const errors: string[] = [];
    const reader = createFrameReader(
      (v) => got.push(v),
      (e) => errors.push(e),
      1000,
    );
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame(['x', 2])]);
    for (let i = 0; i < bytes.length; i += 3) reader.push(bytes.subarray(i, i + 3));
    expect(got).toEqual([{ a: 1 }, ['x', 2]]);
    expect(errors).toEqual([]);
    reader.push(Buffer.from([0, 0, 0, 4, 0xff, 0x0f, 0x99, 0x01]));
    expect(errors).toHaveLength(1);
    const big = createFrameReader(
      () => {},
      (e) => errors.push(e),
      1000,
    );
    big.push(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(errors[1]).toMatch(/^a frame of 4294967295 bytes/);
  });

  it('the engine runs on a Node that denies the network (>= 25, or the pinned package)', () => {
    const runtime = findEngineRuntime();
    expect(runtime.networkDenied).toBe(true);
    expect(runtime.flags.has('--permission')).toBe(true);
    expect(runtime.flags.has('--allow-net')).toBe(true); // known to it, and never given
    const flags = permissionFlags(['/x'], runtime.flags);
    expect(flags.some((f) => f.startsWith('--allow-net'))).toBe(false);
  });

  it('the CLI escapes terminal control characters in program output, keeping newlines and tabs', () => {
    expect(escapeControls('a\x1b[2Jb\tc\nd\re\x07\x9b')).toBe('a\\x1b[2Jb\tc\nd\\re\\x07\\x9b');
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

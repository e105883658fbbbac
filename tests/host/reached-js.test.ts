// What a program that does reach JavaScript can still do in the Node host. It has no route there
// now (Python holds no JavaScript object during a run and cannot make one: escape/js-proxies.py);
// this is what a route found later, in Pyodide or the engine, would gain. The engine process is
// the real one (same entry, flags and hardening); its engine is fixtures/reached-js-engine.ts,
// which runs JavaScript routes by name with every Node module at hand. The network (through
// Node's internals too), files outside the allowlist, processes: denied by Node's permission
// model (Node >= 25), not by anything the attacker could undo. The channel, the budgets and
// the next run: held by the host, outside the process. Before this (673f2cb, Node 20): the
// tcp_wrap/pipe_wrap routes and _listen2 were not denied by Node (checked with the same flags
// without the JavaScript patches: net.connect reached a 127.0.0.1 listener).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeBundle, type NodeBundle } from '../../main/host/node-bundle';
import { createNodeLauncher } from '../../main/host/node-launcher';
import { createSimService, type HostedSimService, type SimServiceOptions } from '../../main/host/sim-service';
import { findEngineRuntime } from '../../main/host/engine-runtime';
import { run, stdout } from './helpers';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('a program that reached JavaScript in the Node engine process', () => {
  let bundle: NodeBundle;
  let dir: string;
  let server: Server;
  let port = 0;
  let connections = 0;
  const services: HostedSimService[] = [];

  const start = async (options: Omit<SimServiceOptions, 'launcher'> = {}): Promise<HostedSimService> => {
    const service = createSimService({ launcher: createNodeLauncher(bundle), standby: false, ...options });
    services.push(service);
    await service.containment();
    return service;
  };

  beforeAll(async () => {
    bundle = await buildNodeBundle(
      join(here, '../../node_modules/.cache/loopscope-engine-reached-js'),
      join(here, 'fixtures/reached-js-engine.ts'),
    );
    dir = mkdtempSync(join(tmpdir(), 'loopscope-reached-'));
    writeFileSync(join(dir, 'secret.txt'), 'the user owns this file\n');
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterEach(async () => {
    for (const s of services.splice(0)) await s.dispose();
  });

  afterAll(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs on a Node whose permission model denies the network', async () => {
    const runtime = findEngineRuntime();
    expect(runtime.networkDenied).toBe(true);
    expect(Number(/^v(\d+)/.exec(runtime.version)![1])).toBeGreaterThanOrEqual(25);
    const service = await start();
    expect(await service.containment()).toMatchObject({ contained: true, problems: [] });
  });

  it('no network, not even through Node internals; no files outside the allowlist; no processes', async () => {
    const service = await start();
    const sock = join(dir, 'engine.sock');
    const program = [
      `net-connect ${port}`,
      `tcp-wrap ${port}`,
      `pipe-wrap ${sock}`,
      `listen-unix ${sock}2`,
      'listen-tcp',
      `read ${join(dir, 'secret.txt')}`,
      'read /etc/passwd',
      `write ${join(dir, 'marker.txt')}`,
      'spawn-binding',
      'worker',
    ].join('\n');
    const { trace } = await run(service, program, 'reached.py');
    const out = stdout(trace);
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1), out).toBe('DONE');
    expect(
      lines.filter((l) => l.startsWith('ESCAPED')),
      out,
    ).toEqual([]);
    expect(lines.filter((l) => l.startsWith('BLOCKED')).length, out).toBe(10);
    // Denied by Node itself, not by the engine's JavaScript patches:
    for (const route of [
      'tcp-wrap',
      'pipe-wrap',
      'listen-unix',
      'listen-tcp',
      'read',
      'write',
      'spawn-binding',
      'worker',
    ])
      expect(out, route).toMatch(new RegExp(`BLOCKED ${route}: ERR_ACCESS_DENIED`));
    await new Promise((r) => setTimeout(r, 200));
    expect(connections).toBe(0);
    expect(readdirSync(dir)).toEqual(['secret.txt']);
  });

  it('forged results on the channel end the run with a clear error, never pass for a result', async () => {
    const service = await start();
    for (const route of ['forge-result 50', 'forge-garbage', 'forge-huge']) {
      await expect(run(service, route, 'forge.py'), route).rejects.toThrow(
        /^the engine process sent a message that is not the engine's \(.+\); the run was stopped and the engine replaced$/,
      );
      // The next run works, on a new process.
      const { trace } = await run(service, 'hello', 'hello.py');
      expect(stdout(trace)).toBe('hello from a fresh engine\nDONE\n');
    }
  });

  it('heartbeats from inside do not extend the wall budget', async () => {
    const service = await start({ wallBudgetMs: 3000 });
    const t0 = performance.now();
    const { trace } = await run(service, 'heartbeat-spin', 'spin.py');
    const s = (performance.now() - t0) / 1000;
    console.log(`[host figure] wall budget 3 s with heartbeats flowing: stopped after ${s.toFixed(1)} s`);
    expect(trace.end).toMatchObject({ kind: 'runaway', option: '--wall-budget' });
    expect(trace.end.message).toMatch(/^the program ran for more than 3 s of wall time; /);
    expect(s).toBeLessThan(6);
    expect(stdout((await run(service, 'hello')).trace)).toBe('hello from a fresh engine\nDONE\n');
  });

  it('memory outside the wasm heap (ArrayBuffers) is capped from outside', async () => {
    // A generous step budget: on a loaded machine one 64 MB allocation can take seconds.
    const service = await start({ memoryCapMb: 1024, wallBudgetMs: 60_000, stepBudgetMs: 20_000 });
    const { trace } = await run(service, 'arraybuffers 6144', 'bomb.py');
    expect(trace.end, JSON.stringify(trace.end)).toMatchObject({ kind: 'runaway', option: '--memory-cap' });
    expect(trace.end.message).toBe(
      'the program used more than 1024 MB of memory; the engine was stopped and restarted (--memory-cap raises the limit)',
    );
    expect(stdout((await run(service, 'hello')).trace)).toBe('hello from a fresh engine\nDONE\n');
  });

  it('patched prototypes and leftover callbacks do not reach the next run (a fresh process each)', async () => {
    // The patch breaks this run's own result too (the engine cannot send it): it ends when the
    // trace does not arrive, on the host's clock.
    const service = await start({ standby: true, transferTimeoutMs: 3000, stepBudgetMs: 3000 });
    await service.warm();
    const pids = new Set<number | undefined>();
    for (const program of ['patch-prototype', 'leave-callback']) {
      pids.add(service.pids().primary);
      await run(service, program);
      pids.add(service.pids().primary);
      const { trace } = await run(service, 'hello');
      expect(stdout(trace)).toBe('hello from a fresh engine\nDONE\n');
    }
    expect(pids.size).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('an idle engine that burns CPU is replaced', async () => {
    const service = await start({ freshProcessPerRun: false });
    await run(service, 'leave-callback');
    const pid = service.pids().primary;
    const t0 = performance.now();
    while (service.pids().primary === pid && performance.now() - t0 < 20_000)
      await new Promise((r) => setTimeout(r, 100));
    expect(service.pids().primary).not.toBe(pid);
    // Killed (SIGKILL): gone once the kernel has reaped it.
    const t1 = performance.now();
    while (existsSync(`/proc/${pid}`) && performance.now() - t1 < 5000)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(stdout((await run(service, 'hello')).trace)).toBe('hello from a fresh engine\nDONE\n');
  }, 60_000);
});

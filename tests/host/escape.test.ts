// The escape corpus: each scenario in escape/ tries to reach the machine by one family of
// routes and prints BLOCKED or ESCAPED per attempt. Every attempt must fail with a Python
// exception, the run must go on to its last line, and nothing outside may have been touched.
// Every run has a fresh engine process, so each scenario's run is the run after the one before
// (the tests run in order on one service), and after the last of them a probe program must run
// as if nothing had happened: `import statistics` is the standard library's, and its output
// arrives (one probe, not one more engine process per scenario).
// Each scenario's header says what it did against the code before this (673f2cb, Node 20).
// Memory outside the wasm heap, once a program has reached JavaScript: reached-js.test.ts (no
// scenario here reaches it any more: js-memory.py finds no JavaScript object to allocate with).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { escapeScenario, escapeScenarios } from './escape-scenario';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import type { HostedSimService } from '../../main/host/sim-service';
import { run, startService, stderr, stdout } from './helpers';

const CANARY_TEXT = 'the user owns this file\n';
const PROBE = 'import statistics\nprint("mean", statistics.mean([1, 2, 3]))\n';
/** Scenarios that do not end in the usual PermissionError, and how they end instead. */
const ENDS: Record<string, (trace: Trace, out: string) => void> = {
  // Its forgeries must not pass for the result. Inside Pyodide, fd 3 is the run's own channel to
  // the engine (engine/python/channel.ts): a forged frame there is a command no engine sends, so
  // the run ends with the channel's error, not with the program's SystemExit(3).
  'forged-frame.py': (trace, out) => {
    expect(out).not.toContain('ALL 12 CHECKS PASSED');
    expect(trace.end).toMatchObject({ kind: 'internalError', exitCode: 70 });
    expect(trace.end.message).toMatch(
      /^internal error: the run's channel to the engine failed \(unknown command 0\): /,
    );
  },
  // A spin loop with no route to a heartbeat: stopped by the step budget like any runaway.
  'forged-heartbeat.py': (trace) => {
    expect(trace.end.kind).toBe('runaway');
  },
  // JavaScript source through ctypes: refused by the engine process (no code generation from
  // strings), which ends the run with that error before any line after the call.
  'ctypes-js.py': (trace, out) => {
    expect(out).not.toContain('ESCAPED');
    expect(trace.end).toMatchObject({ kind: 'internalError', exitCode: 70 });
    expect(trace.end.message).toMatch(/Code generation from strings disallowed/);
  },
};

describe('a scenario cannot reach the machine', () => {
  let service: HostedSimService;
  let dir: string;
  let server: Server;
  let port = 0;
  let connections = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loopscope-escape-'));
    writeFileSync(join(dir, 'canary.txt'), CANARY_TEXT);
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    service = await startService({ standby: true, transferTimeoutMs: 15_000 });
  });

  afterAll(async () => {
    await service?.dispose();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const fill = (name: string): string =>
    escapeScenario(name, { canary: join(dir, 'canary.txt'), marker: join(dir, 'marker.txt'), dir, port });

  it('the engine process reports itself contained', async () => {
    expect(await service.containment()).toEqual({
      contained: true,
      problems: [],
      interrupts: expect.any(Boolean),
    });
    expect(service.contained()).toBe(true);
  });

  for (const name of escapeScenarios) {
    it(`${name}: every attempt fails with a Python exception, the run goes on and ends non-zero`, async () => {
      // Once: every run has a fresh engine process, so routes that arm themselves for later
      // (useNodeSockFS) meet a new process: the next scenario's run, and the probe after the last.
      {
        const { trace } = await run(service, fill(name), name);
        const out = stdout(trace);
        const context = `${name}\n${out}\n${stderr(trace)}\n${JSON.stringify(trace.end)}`;
        const lines = out.trimEnd().split('\n');
        const escaped = lines.filter((l) => l.startsWith('ESCAPED'));
        expect(escaped, context).toEqual([]);
        if (ENDS[name]) {
          ENDS[name](trace, out);
        } else {
          expect(lines.at(-1), context).toBe('DONE');
          if (name === 'resolve-host.py') {
            // No placeholder address either: the socket module knows only the virtual network's
            // names (a real one is unknown there), the C module's lookups refuse, saying why.
            for (const l of lines.slice(0, -1))
              expect(l, context).toMatch(
                /^BLOCKED (socket\.\w+: gaierror: .*Name or service not known|_socket\.\w+: NotImplementedError: host name lookups \(DNS\))/,
              );
          }
          if (name === 'pyodide-js.py') {
            // Pyodide's JavaScript API and bridge are not there at all: every route is an
            // ImportError saying why, not a call that fails further on.
            for (const l of lines.slice(0, -1))
              expect(l, context).toMatch(/^BLOCKED [^:]+: ImportError: .*\bnot available in Loopscope: /);
          }
          expect(lines.length, context).toBeGreaterThan(1);
          expect(trace.end.kind, context).toBe('exception');
          expect(trace.end.message, context).toMatch(
            /^PermissionError: \d+ of \d+ attempts to reach the machine failed$/,
          );
        }
      }
      expect(readFileSync(join(dir, 'canary.txt'), 'utf8')).toBe(CANARY_TEXT);
      expect(existsSync(join(dir, 'marker.txt'))).toBe(false);
      expect(readdirSync(dir)).toEqual(['canary.txt']);
      expect(connections).toBe(0);
    }, 180_000);
  }

  it('after the last of them, the next run is untouched', async () => {
    const next = await run(service, PROBE, 'probe.py');
    expect(stdout(next.trace), 'the run after the corpus').toBe('mean 2\n');
    expect(next.trace.end.kind).toBe('ok');
    expect(readdirSync(dir)).toEqual(['canary.txt']);
    expect(connections).toBe(0);
  });
});

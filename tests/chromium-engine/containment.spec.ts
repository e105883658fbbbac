// The escape corpus (tests/host/escape/*.py) and the page's own containment, against the
// Chromium host: every attempt fails with a Python exception, the run goes on to its last line,
// the page's server sees no request but the engine's own files, and the "outside" server none.
// Plus what only JavaScript can try: eval and a cross-origin fetch inside the engine's worker,
// and a worker that posts on the channel it must not use.
import { escapeScenario, escapeScenarios } from '../host/escape-scenario';
import { expect, test } from '@playwright/test';
import { currentPage, HELLO, run, startEngine, stdout, type EngineFixture } from './fixture';

let f: EngineFixture;
test.beforeAll(async () => {
  // The memory cap the Node host's escape test uses: js-memory.py meets it after 16 allocations.
  f = await startEngine({ memoryCapMb: 1024 });
  await f.service.warm();
});
test.afterAll(async () => {
  await f?.close();
});
test.afterEach(async () => {
  await new Promise((r) => setTimeout(r, 300)); // a WebSocket or fetch attempt has landed by now
  expect(f.engine.strays, 'requests to the engine origin that are not engine files').toEqual([]);
  expect(f.outside.requests, 'requests to another origin').toEqual([]);
});

// The user's files as the Node host's test names them: a folder outside the engine; the port is
// the "outside" server's (reaching it at all is the escape).
const fill = (name: string): string =>
  escapeScenario(name, {
    canary: '/home/student/loopscope-canary.txt',
    marker: '/home/student/loopscope-marker.txt',
    dir: '/home/student',
    port: f.outside.port,
  });

const MEMORY_CAP_END = {
  kind: 'runaway',
  exitCode: 1,
  option: '--memory-cap',
  message:
    'the program used more than 1024 MB of memory; the engine was stopped and restarted (--memory-cap raises the limit)',
};

/**
 * Scenarios that end otherwise by design (as in tests/host/escape.test.ts): forged frames must
 * not pass for the result (fd 3 inside Pyodide is the run's own channel to the engine, so the
 * forgery ends the run with the channel's error); a spin loop that cannot send heartbeats is a
 * runaway; JavaScript source through ctypes is refused by the CSP, which ends the run.
 */
const ENDS: Record<
  string,
  (end: { kind: string; exitCode?: number; message?: string }, out: string) => void
> = {
  'forged-frame.py': (end, out) => {
    expect(out).not.toContain('ALL 12 CHECKS PASSED');
    expect(end).toMatchObject({ kind: 'internalError', exitCode: 70 });
    expect(end.message).toMatch(
      /^internal error: the run's channel to the engine failed \(unknown command 0\): /,
    );
  },
  'forged-heartbeat.py': (end) => expect(end.kind).toBe('runaway'),
  // JavaScript source through ctypes: the engine page's CSP (no 'unsafe-eval') refuses it, which
  // ends the run with that error before any line after the call.
  'ctypes-js.py': (end, out) => {
    expect(out).not.toContain('ESCAPED');
    expect(end).toMatchObject({ kind: 'internalError', exitCode: 70 });
    expect(end.message).toMatch(/violates the following Content Security Policy directive.*'unsafe-eval'/);
  },
};

for (const name of escapeScenarios) {
  test(`${name}: every attempt fails with a Python exception, the run goes on and ends non-zero`, async () => {
    for (const round of [1, 2]) {
      const { trace } = await run(f.service, fill(name), name);
      const out = stdout(trace);
      const context = `${name} round ${round}\n${out}\n${JSON.stringify(trace.end)}`;
      const lines = out.trimEnd().split('\n');
      expect(
        lines.filter((l) => l.startsWith('ESCAPED')),
        context,
      ).toEqual([]);
      const end = ENDS[name];
      if (end) {
        end(trace.end, out);
        continue;
      }
      expect(lines.at(-1), context).toBe('DONE');
      expect(lines.length, context).toBeGreaterThan(1);
      expect(trace.end.kind, context).toBe('exception');
      expect(trace.end.message, context).toMatch(
        /^PermissionError: \d+ of \d+ attempts to reach the machine failed$/,
      );
    }
  });
}

// eval is checked by the worker itself at start-up (its 'ready' says so, and the page refuses a
// worker whose CSP allows it): DevTools' own evaluation, which Playwright uses, is exempt from
// the CSP's eval rule, so it cannot be checked from here.
test("inside the engine's worker, fetch and import() to another origin fail", async () => {
  const page = await currentPage(f);
  const worker = page.workers()[0];
  const verdict = await worker.evaluate(async (outside) => {
    const out: string[] = [];
    try {
      await fetch(outside);
      out.push('fetch ALLOWED');
    } catch (e) {
      out.push(`fetch refused: ${(e as Error).name}`);
    }
    try {
      await import(`${outside}x.js`);
      out.push('import ALLOWED');
    } catch (e) {
      out.push(`import refused: ${(e as Error).name}`);
    }
    return out;
  }, f.outside.url);
  expect(verdict).toEqual(['fetch refused: TypeError', 'import refused: TypeError']);
  // The page too: no Node, no eval, isolated.
  const pageState = await page.evaluate(() => ({
    isolated: globalThis.crossOriginIsolated,
    process: typeof (globalThis as Record<string, unknown>).process,
    require: typeof (globalThis as Record<string, unknown>).require,
  }));
  expect(pageState).toEqual({ isolated: true, process: 'undefined', require: 'undefined' });
});

test('a worker that posts on its global channel is discarded and never passes for a result', async () => {
  const page = await currentPage(f);
  const before = page.workers().length;
  // The standby worker (the next run's) forges a result the way a program that reached
  // JavaScript would: self.postMessage. The page must terminate it and load another.
  for (const w of page.workers())
    await w
      .evaluate(() =>
        (self as unknown as { postMessage(m: unknown): void }).postMessage({
          type: 'result',
          runId: 1,
          trace: { forged: true },
          interrupted: false,
        }),
      )
      .catch(() => {});
  await expect.poll(() => page.workers().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(before);
  const { trace } = await run(f.service, HELLO, 'hello.py');
  expect(trace.end.kind).toBe('ok');
  expect(stdout(trace)).toBe('hello\n');
  expect(JSON.stringify(trace)).not.toContain('forged');
});

test('each run gets a fresh worker: globals, modules and files of one run are gone in the next', async () => {
  const first = await run(
    f.service,
    [
      'import sys, builtins',
      'builtins.LEAK = 1',
      'sys.modules["statistics"] = "shadowed"',
      'open("/tmp/statistics.py", "w").write("raise SystemExit(9)")',
      'print("set")',
    ].join('\n'),
    'first.py',
  );
  expect(stdout(first.trace)).toBe('set\n');
  const second = await run(
    f.service,
    [
      'import builtins, sys',
      'sys.path.insert(0, "/tmp")',
      'import statistics',
      'print(hasattr(builtins, "LEAK"), type(statistics).__name__)',
    ].join('\n'),
    'second.py',
  );
  expect(stdout(second.trace)).toBe('False module\n');
});

test('an idle engine whose process holds memory past the cap is replaced, and the next run works', async () => {
  const before = f.windows.length;
  const page = await currentPage(f);
  // 1.25 GB of ArrayBuffers (touched, so resident) in the standby worker, as a program that
  // reached JavaScript and escaped its worker's end would hold them: nothing inside counts them.
  // main may close the window before the allocation even returns.
  for (const w of page.workers())
    await w
      .evaluate(() => {
        const held: Uint8Array[] = [];
        for (let i = 0; i < 20; i++) held.push(new Uint8Array(64 * 2 ** 20).fill(i + 1));
        (globalThis as Record<string, unknown>).__held = held;
      })
      .catch(() => {});
  await expect.poll(() => f.windows.length, { timeout: 30_000 }).toBe(before + 1);
  // The new window can be open before the old page's close has reached Playwright.
  await expect.poll(() => page.isClosed(), { timeout: 10_000 }).toBe(true);
  const next = await run(f.service, HELLO, 'hello.py');
  expect(next.trace.end.kind).toBe('ok');
  expect(stdout(next.trace)).toBe('hello\n');
});

test('a Python program that grows its heap past the cap is stopped from outside, and the next run works', async () => {
  // No route to JavaScript is left, so the memory a program can take is its wasm heap (up to
  // 4 GB): main's watch on the engine window's process stops it at the cap first.
  const bomb = 'held = []\nwhile True:\n    held.append(b"x" * 50_000_000)\n';
  const { trace } = await run(f.service, bomb, 'bomb.py');
  expect(trace.end).toMatchObject(MEMORY_CAP_END);
  const next = await run(f.service, HELLO, 'hello.py');
  expect(stdout(next.trace)).toBe('hello\n');
});

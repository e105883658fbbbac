// Bad input on the Chromium host: a runaway is stopped by the page's watchdog (in place through
// the interrupt buffer, or by terminating the worker), a memory bomb, an output flood and a
// million tasks each end with a clear message, and the next run works every time.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { RunEnd } from '../../common/trace';
import { HELLO, run, startEngine, stdout, type EngineFixture } from './fixture';

const source = (name: string): string =>
  new TextDecoder('utf-8').decode(readFileSync(new URL(`../host/bad-input/${name}`, import.meta.url)));

let f: EngineFixture;
test.beforeAll(async () => {
  f = await startEngine();
  await f.service.warm();
});
test.afterAll(async () => {
  await f?.close();
});

async function expectEnd(name: string, src: string, check: (end: RunEnd) => void): Promise<number> {
  const { trace, ms } = await run(f.service, src, name);
  check(trace.end);
  expect(trace.end.message.length).toBeGreaterThan(0);
  const next = await run(f.service, HELLO, 'hello.py');
  expect(next.trace.end.kind).toBe('ok');
  expect(stdout(next.trace)).toBe('hello\n');
  return ms;
}

test('while True: pass at top level is stopped as a runaway', async () => {
  const ms = await expectEnd('top-level-loop.py', source('top-level-loop.py'), (end) => {
    expect(end.kind).toBe('runaway');
    expect(end.message).toMatch(/never awaited.* after \d+\.\d s of real time/);
  });
  expect(ms).toBeLessThan(10_000);
});

test('while True: pass inside a task is stopped as a runaway, naming the task and line', async () => {
  await expectEnd('task-loop.py', source('task-loop.py'), (end) => {
    expect(end.kind).toBe('runaway');
    expect(end.message).toMatch(/never awaited.* after \d+\.\d s of real time/);
  });
});

test('a runaway that swallows KeyboardInterrupt is stopped by terminating its worker', async () => {
  const src = 'while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n';
  await expectEnd('swallow.py', src, (end) => {
    expect(end.kind).toBe('runaway');
    expect(end.message).toMatch(/engine was stopped and restarted|never awaited/);
  });
});

test('a memory bomb ends with a clear message: MemoryError, a runaway, or the memory cap', async () => {
  const src = 'b = []\nwhile True:\n    b.append(bytearray(64 * 2**20))\n';
  await expectEnd('memory-bomb.py', src, (end) => {
    expect(['exception', 'runaway', 'internalError']).toContain(end.kind);
    expect(end.message).toMatch(/MemoryError|never awaited|internal error|more than 4096 MB of memory/);
  });
});

test('printing 10^7 lines ends at the output cap or as a runaway', async () => {
  await expectEnd('print-lines.py', source('print-lines.py'), (end) => {
    expect(['capOutput', 'runaway']).toContain(end.kind);
    expect(end.message).toMatch(/output cap|never awaited/);
  });
});

test('creating 10^6 tasks ends at the task cap or as a runaway', async () => {
  await expectEnd('million-tasks.py', source('million-tasks.py'), (end) => {
    expect(['capTasks', 'runaway']).toContain(end.kind);
    expect(end.message).toMatch(/task cap|never awaited/);
  });
});

test('os._exit(4) ends the run with exit status 4', async () => {
  await expectEnd('os-exit.py', source('os-exit.py'), (end) => {
    expect(end).toMatchObject({ kind: 'exit', exitCode: 4 });
  });
});

test('a syntax error ends with its line', async () => {
  await expectEnd('syntax-error.py', source('syntax-error.py'), (end) => {
    expect(end).toMatchObject({ kind: 'syntaxError', line: 1 });
  });
});

test('a run cancelled midway leaves the engine usable, without a new page', async () => {
  const windows = f.windows.length; // the memory bomb may have cost one (main's memory cap)
  // Cancelled once the page reports the run under way (its first running progress), not after
  // a guessed wait.
  let started: () => void = () => undefined;
  const underWay = new Promise<void>((resolve) => (started = resolve));
  const pending = f.service.run({ source: source('top-level-loop.py'), fileName: 'spin.py' }, (p) => {
    if (p.phase === 'running') started();
  });
  await underWay;
  await f.service.cancel();
  await expect(pending).rejects.toThrow(/cancelled/);
  const next = await run(f.service, HELLO, 'hello.py');
  expect(stdout(next.trace)).toBe('hello\n');
  expect(f.windows.length).toBe(windows);
});

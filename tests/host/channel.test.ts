// The run's channel to the engine (engine/python/channel.ts): the only way from Python to the
// engine's JavaScript is a file descriptor, so a program can write to it. Whatever it writes
// (an unknown command, ops that make no sense, a loop run nested in itself) or does to it
// (closes it, puts a file in its place) ends its own run with an error that says so. The
// engine itself survives it (the next run on the same Pyodide is whole); the host retires an
// engine process after any internal error anyway, so there the next run is on a fresh one.
import type { Trace } from '../../common/trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/python/engine';
import type { HostedSimService } from '../../main/host/sim-service';
import { HELLO, run, startService, stdout } from './helpers';

/** The program's way to its channel: the open descriptor of a character device. */
const FIND = `import os, stat
def channel():
    for fd in range(64):
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        if stat.S_ISCHR(st.st_mode) and fd > 2:
            return fd
    raise LookupError("no channel")
fd = channel()
`;

const FAILED =
  /^internal error: the run's channel to the engine failed \((.+)\): a program that writes to it ends its own run$/;

const CASES: [string, string, RegExp][] = [
  ['an unknown command', `os.write(fd, b"\\x63")\n`, /unknown command 99/],
  [
    'an op that does not exist',
    // The run's op buffer, found through the collector, with a number no op has.
    `import gc\nrun = next(o for o in gc.get_objects() if type(o).__name__ == "Run")\nrun.ops.nums.append(12345)\nos.write(fd, b"\\x01")\n`,
    /unknown op 12345/,
  ],
  ['a loop that does not exist', `os.write(fd, b"\\x04" + (999).to_bytes(4, "little"))\n`, /no loop 999/],
  [
    'a loop run nested in itself',
    `import asyncio\nasync def main():\n    os.write(fd, b"\\x04" + (0).to_bytes(4, "little"))\nasyncio.run(main())\n`,
    /loop 0 is already running/,
  ],
  ['an empty write', `os.write(fd, b"")\n`, /unknown command 0/],
  ['a loop command cut short', `os.write(fd, b"\\x04\\x00")\n`, /a loop command without its loop/],
];

const CLOSED = {
  kind: 'internalError',
  exitCode: 70,
  message:
    "internal error: the run's channel to the engine was closed or replaced: a program that does so ends its own run",
};

const TAMPERED: [string, string][] = [
  ['closed', 'os.close(fd)\n'],
  ['replaced by a file', 'os.dup2(os.open("x.txt", os.O_WRONLY | os.O_CREAT), fd)\n'],
];

const program = (code: string): string => `${FIND}${code}import time\ntime.sleep(1)\nprint("after")\n`;

function expectFailed(trace: Trace, reason: RegExp): void {
  const context = `${stdout(trace)}\n${JSON.stringify(trace.end)}`;
  expect(trace.end, context).toMatchObject({ kind: 'internalError', exitCode: 70 });
  expect(trace.end.message, context).toMatch(FAILED);
  expect(FAILED.exec(trace.end.message)![1], context).toMatch(reason);
}

describe('in the engine itself, one Pyodide for every run', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine();
  }, 60_000);

  const expectNextRunWhole = async (): Promise<void> => {
    const next = await engine.run(HELLO, 'hello.py');
    expect(next.end.kind).toBe('ok');
    expect(stdout(next)).toBe('hello\n');
  };

  for (const [what, code, reason] of CASES)
    it(`${what}: the run ends with the channel's error, the next run works`, async () => {
      expectFailed(await engine.run(program(code), 'channel.py'), reason);
      await expectNextRunWhole();
    });

  it('an unknown command keeps what the program printed before it in the trace', async () => {
    const trace = await engine.run(`print("before")\n${FIND}os.write(fd, b"\\x63")\n`, 'channel.py');
    expectFailed(trace, /unknown command 99/);
    expect(stdout(trace)).toBe('before\n');
    await expectNextRunWhole();
  });

  it('a finalizer that closes the channel after the program ended: one end step, the fault its end', async () => {
    // Hung on the engine's channel object (found through the collector), which the engine lets go
    // of right after it sent the run's end.
    const code = `${FIND}import gc\nclass Closer:\n    def __del__(self):\n        os.close(fd)\nch = next(o for o in gc.get_objects() if type(o).__name__ == "Channel")\nch.closer = Closer()\ndel ch\nprint("done")\n`;
    const trace = await engine.run(code, 'channel.py');
    expect(trace.end, stdout(trace)).toEqual(CLOSED);
    expect(trace.steps.filter((s) => s.kind === 'end')).toHaveLength(1);
    expect(trace.steps.at(-1)!.kind).toBe('end');
    await expectNextRunWhole();
  });

  for (const [what, code] of TAMPERED)
    it(`${what}: the run ends saying so, the next run works`, async () => {
      expect((await engine.run(program(code), 'channel.py')).end).toEqual(CLOSED);
      await expectNextRunWhole();
    });
});

describe('through the contained engine process', () => {
  let service: HostedSimService;

  beforeAll(async () => {
    service = await startService({ standby: true });
  });
  afterAll(async () => {
    await service?.dispose();
  });

  it('garbage on the channel, then a closed channel: each run ends saying so, the next run works', async () => {
    const [, garbage, reason] = CASES[0];
    expectFailed((await run(service, program(garbage), 'channel.py')).trace, reason);
    expect((await run(service, program(TAMPERED[0][1]), 'channel.py')).trace.end).toEqual(CLOSED);
    const next = await run(service, HELLO, 'hello.py');
    expect(next.trace.end.kind).toBe('ok');
    expect(stdout(next.trace)).toBe('hello\n');
  }, 120_000);
});

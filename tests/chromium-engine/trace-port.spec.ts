// Traces to the UI over a per-run trace port, as in the app: the SimService sends each run with
// a new channel (the test window plays main's engine-window.ts and the UI's end), the engine
// page posts the finished trace there in its binary form (common/traceCodec.ts) in a transferred Uint8Array, and main gets only
// the run's end and the delivery id. A run the page itself ended (its worker terminated) comes
// back to main whole, as before, and nothing is posted on its trace port.
import { expect, test } from '@playwright/test';
import { isReceipt, receivedTrace } from '../../engine/chromium/trace-delivery';
import { GATHER, startEngine, stdout, type EngineFixture } from './fixture';

let f: EngineFixture;
test.beforeAll(async () => {
  f = await startEngine({ traces: true });
  await f.service.warm();
});
test.afterAll(async () => {
  await f?.close();
});

test('a finished trace goes to the trace port; main gets its end and the delivery id', async () => {
  const asked = { source: GATHER, fileName: 'gather.py' };
  const result = await f.service.run(asked, () => {});
  if (!isReceipt(result))
    throw new Error(`expected a receipt, got a whole trace: ${JSON.stringify(result.end)}`);
  expect(result.end).toEqual({ kind: 'ok', message: '', exitCode: 0 });
  const arrived = await f.windows[0].arrived();
  expect(arrived).toHaveLength(1);
  const [d] = arrived;
  expect(d).toMatchObject({ type: 'trace', delivery: result.delivered, isBytes: true });
  const trace = receivedTrace(new Uint8Array(d.bytes), result, asked);
  expect(stdout(trace)).toBe(
    "a started\nb started\nc started\nb finished\na finished\nc finished\nResult: ['a', 'b', 'c']\n",
  );
  expect(trace.end).toEqual(result.end);
});

test('a run whose worker the page terminates comes back to main whole; its trace port stays empty', async () => {
  const before = (await f.windows[0].arrived()).length;
  // Swallows every interrupt: the page terminates the worker and makes the trace itself.
  const source = 'while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n';
  const result = await f.service.run({ source, fileName: 'swallow.py' }, () => {});
  if (isReceipt(result)) throw new Error('expected the whole (ended) trace');
  expect(result.end.kind).toBe('runaway');
  expect(await f.windows[0].arrived()).toHaveLength(before);
});

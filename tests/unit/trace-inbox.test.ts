// The renderer's side of trace delivery (renderer/src/run/trace-inbox.ts, engine/chromium/
// trace-delivery.ts): what arrives on a trace port is paired with main's receipt whichever
// comes first, and checked as untrusted input; main's end is the one that counts.
import { MessageChannel as NodeChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../common/trace';
import { encodeTrace, newDeliveryId, receivedTrace } from '../../engine/chromium/trace-delivery';
import { TraceInbox } from '../../renderer/src/run/trace-inbox';

const asked = { source: 'print("hi")', fileName: 'hi.py' };
const trace: Trace = {
  version: 1,
  ...asked,
  options: { seed: 0, maxSteps: 1, maxTime: 1, maxOutputBytes: 1, maxTasks: 1 },
  actors: [],
  steps: [],
  events: [{ t: 'output', stream: 'stdout', text: 'hi\n' } as Trace['events'][number]],
  end: { kind: 'ok', message: '', exitCode: 0 },
};
const mainsEnd = { kind: 'exit' as const, message: 'exit status 3', exitCode: 3 };

/** An inbox with one trace port, and the page's end of it. */
function inboxWithPort(): { inbox: TraceInbox; page: NodeChannel['port1'] } {
  const inbox = new TraceInbox();
  const channel = new NodeChannel();
  inbox.addPort(channel.port2 as unknown as MessagePort);
  return { inbox, page: channel.port1 };
}

describe('receivedTrace', () => {
  it("reads the trace and takes main's end over the one in the bytes", () => {
    const got = receivedTrace(encodeTrace(trace), { delivered: 'x', end: mainsEnd }, asked);
    expect(got.events).toEqual(trace.events);
    expect(got.end).toEqual(mainsEnd);
  });

  it("refuses bytes that are not JSON, not a trace, or another program's trace", () => {
    const receipt = { delivered: 'x', end: mainsEnd };
    expect(() => receivedTrace(new Uint8Array([0xff, 0xfe]), receipt, asked)).toThrow(/could not be read/);
    expect(() => receivedTrace(new TextEncoder().encode('{"forged":true}'), receipt, asked)).toThrow(
      /not a trace/,
    );
    expect(() => receivedTrace(encodeTrace({ ...trace, events: 'x' } as never), receipt, asked)).toThrow(
      /could not be read/,
    );
    expect(() => receivedTrace(encodeTrace(trace), receipt, { source: 'other', fileName: 'hi.py' })).toThrow(
      /another program/,
    );
  });
});

describe('TraceInbox', () => {
  afterEach(() => vi.useRealTimers());

  it('pairs a delivery with its receipt when the trace arrives first', async () => {
    const { inbox, page } = inboxWithPort();
    const delivered = newDeliveryId();
    const bytes = encodeTrace(trace);
    page.postMessage({ type: 'trace', delivery: delivered, bytes }, [bytes.buffer]);
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    await new Promise((r) => setTimeout(r, 20));
    const got = await inbox.take({ delivered, end: mainsEnd }, asked);
    expect(got.end).toEqual(mainsEnd);
    page.close();
  });

  it('pairs them when the receipt comes first', async () => {
    const { inbox, page } = inboxWithPort();
    const delivered = newDeliveryId();
    const pending = inbox.take({ delivered, end: mainsEnd }, asked);
    page.postMessage({ type: 'trace', delivery: delivered, bytes: encodeTrace(trace) });
    expect((await pending).events).toEqual(trace.events);
    page.close();
  });

  it('ignores malformed deliveries, and a bad trace under the right id is an error, never a run', async () => {
    const { inbox, page } = inboxWithPort();
    const delivered = newDeliveryId();
    const pending = inbox.take({ delivered, end: mainsEnd }, asked);
    page.postMessage({ type: 'trace', delivery: delivered, bytes: 'not bytes' });
    page.postMessage({ type: 'trace', delivery: delivered, bytes: new Uint8Array(1), extra: 1 });
    page.postMessage({ type: 'trace', delivery: delivered, bytes: new TextEncoder().encode('[]') });
    await expect(pending).rejects.toThrow(/not a trace/);
    page.close();
  });

  it('gives up on a trace that never arrives', async () => {
    vi.useFakeTimers();
    const { inbox, page } = inboxWithPort();
    const pending = inbox.take({ delivered: newDeliveryId(), end: mainsEnd }, asked);
    vi.advanceTimersByTime(60_001);
    await expect(pending).rejects.toThrow(/did not arrive/);
    page.close();
  });
});

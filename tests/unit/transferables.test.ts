// The transfer list for a worker's message (renderer/src/run/transferables.ts): every typed
// array's buffer once, found in nested objects and arrays; nothing else.
import { describe, expect, it } from 'vitest';
import { transferables } from '../../renderer/src/run/transferables';

describe('transferables', () => {
  it("lists each typed array's buffer once, however deep, and views of one buffer once", () => {
    const a = new Int32Array(4);
    const b = new Float64Array(2);
    const c = new Uint8Array(3);
    const value = {
      a,
      view: a.subarray(1, 3),
      nested: [{ b }, [c], 'text', 3, null],
      names: ['x', 'y'],
    };
    const list = transferables(value);
    expect(list).toHaveLength(3);
    expect(new Set(list)).toEqual(new Set([a.buffer, b.buffer, c.buffer]));
  });

  it('finds none in plain data', () => {
    expect(transferables({ x: [1, 2], y: { z: 'w' } })).toEqual([]);
    expect(transferables(null)).toEqual([]);
  });

  it('moves the buffers: a message sent with them leaves the sender empty', async () => {
    const value = { steps: new Int32Array([1, 2, 3]) };
    const { port1, port2 } = new MessageChannel();
    const got = new Promise<typeof value>((resolve) => (port2.onmessage = (e) => resolve(e.data)));
    port1.postMessage(value, transferables(value));
    expect(value.steps.length).toBe(0);
    expect([...(await got).steps]).toEqual([1, 2, 3]);
    port1.close();
    port2.close();
  });
});

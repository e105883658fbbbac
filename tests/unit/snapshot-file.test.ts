// The engine snapshot's file (engine/node/snapshot-file.ts): the engine process takes the bytes
// only for its own bundle and Pyodide, and only whole.
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, snapshotKey } from '../../engine/node/snapshot-file';

const KEY = snapshotKey('a8de702ba81e765b\n', '314.0.7');
const BYTES = new Uint8Array(4096).map((_, i) => (i * 7) & 0xff);

describe('the engine snapshot file', () => {
  it('gives back the bytes it was written with, for the same key', () => {
    expect(decodeSnapshot(encodeSnapshot(KEY, BYTES), KEY)).toEqual(BYTES);
  });

  it('is refused for another bundle or Pyodide', () => {
    const file = encodeSnapshot(KEY, BYTES);
    expect(decodeSnapshot(file, snapshotKey('0000000000000000', '314.0.7'))).toBeNull();
    expect(decodeSnapshot(file, snapshotKey('a8de702ba81e765b', '314.0.8'))).toBeNull();
  });

  it('is refused when a byte changed, when cut short, or when it is not one', () => {
    const file = encodeSnapshot(KEY, BYTES);
    const flipped = Buffer.from(file);
    flipped[flipped.length - 100] ^= 1;
    expect(decodeSnapshot(flipped, KEY)).toBeNull();
    expect(decodeSnapshot(file.subarray(0, file.length - 1), KEY)).toBeNull();
    expect(decodeSnapshot(file.subarray(0, 20), KEY)).toBeNull();
    expect(decodeSnapshot(new Uint8Array(0), KEY)).toBeNull();
    expect(decodeSnapshot(BYTES, KEY)).toBeNull();
  });
});

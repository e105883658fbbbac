// The wire format between the host and a Node engine process, on plain pipes (the engine's fd 4
// for the host's messages, its fd 3 for the engine's): each message a 4-byte big-endian length
// and V8's serialization of the value. Not Node's IPC channel: its parser runs inside Node's
// child_process code, where a malformed frame written by whatever runs in the engine process
// threw an uncaught exception that took the host down. Here every frame is read by code that
// catches everything and reports it as a protocol error instead.
import { Buffer } from 'node:buffer';
import { deserialize, serialize } from 'node:v8';

/** A frame larger than this is refused (a million-step trace is a few hundred MB at most). */
export const MAX_FRAME_BYTES = 1024 * 1024 * 1024;

export function encodeFrame(value: unknown): Buffer {
  const body = serialize(value);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

export interface FrameReader {
  /** Feed bytes as they arrive; calls onFrame per whole frame, onError once on bad input. */
  push(chunk: Buffer): void;
}

export function createFrameReader(
  onFrame: (value: unknown) => void,
  onError: (why: string) => void,
  maxBytes = MAX_FRAME_BYTES,
): FrameReader {
  let chunks: Buffer[] = [];
  let buffered = 0;
  let need = -1;
  let broken = false;
  const take = (n: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    chunks = rest.length > 0 ? [rest] : [];
    buffered = rest.length;
    return out;
  };
  return {
    push(chunk) {
      if (broken) return;
      chunks.push(chunk);
      buffered += chunk.length;
      for (;;) {
        if (need < 0) {
          if (buffered < 4) return;
          need = take(4).readUInt32BE(0);
          if (need > maxBytes) {
            broken = true;
            onError(`a frame of ${need} bytes (more than ${maxBytes})`);
            return;
          }
        }
        if (buffered < need) return;
        const body = take(need);
        need = -1;
        let value: unknown;
        try {
          value = deserialize(body);
        } catch (e) {
          broken = true;
          onError(`a frame that does not decode (${(e as Error).message})`);
          return;
        }
        onFrame(value);
      }
    },
  };
}

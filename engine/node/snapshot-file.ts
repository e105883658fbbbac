// The engine snapshot's file beside the engine process's bundle: Pyodide's snapshot bytes behind
// a header that says which bundle and Pyodide made it (the key) and a SHA-256 of the bytes, so a
// stale, truncated or corrupted file is refused and the engine makes its own snapshot instead.
// The host writes it (engine-snapshot.ts in main/host); the engine process only reads it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The file's name, beside engine-process.mjs. */
export const SNAPSHOT_FILE = 'engine.snapshot';
const MAGIC = Buffer.from('LSNAPv1\n');
const HASH_BYTES = 32;

/** Which engine a snapshot belongs to: the bundle's fingerprint and the Pyodide version. */
export function snapshotKey(bundleFingerprint: string, pyodideVersion: string): string {
  return `${bundleFingerprint.trim()} pyodide ${pyodideVersion}`;
}

export function encodeSnapshot(key: string, bytes: Uint8Array): Buffer {
  const keyBytes = Buffer.from(key, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(keyBytes.length);
  const hash = createHash('sha256').update(bytes).digest();
  return Buffer.concat([MAGIC, length, keyBytes, hash, bytes]);
}

/** The snapshot's bytes if `file` holds one for `key`, whole; else null. */
export function decodeSnapshot(file: Uint8Array, key: string): Uint8Array | null {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const keyLength = buf.readUInt32LE(MAGIC.length);
  const keyStart = MAGIC.length + 4;
  const hashStart = keyStart + keyLength;
  const bytesStart = hashStart + HASH_BYTES;
  if (buf.length <= bytesStart) return null;
  if (buf.toString('utf8', keyStart, hashStart) !== key) return null;
  const bytes = buf.subarray(bytesStart);
  const hash = createHash('sha256').update(bytes).digest();
  return hash.equals(buf.subarray(hashStart, bytesStart)) ? new Uint8Array(bytes) : null;
}

/**
 * The snapshot beside the engine bundle in `dir` (a file: URL ending in '/'), if there is one for
 * this bundle and Pyodide and it is whole; else undefined (the engine then makes its own).
 */
export function readSnapshotIn(dir: URL, pyodideVersion: string): Uint8Array | undefined {
  try {
    const stamp = readFileSync(new URL('fingerprint', dir), 'utf8');
    const file = readFileSync(new URL(SNAPSHOT_FILE, dir));
    return decodeSnapshot(file, snapshotKey(stamp, pyodideVersion)) ?? undefined;
  } catch {
    return undefined;
  }
}

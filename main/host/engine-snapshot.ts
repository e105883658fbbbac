// The engine snapshot beside the Node bundle (engine/node/snapshot-file.ts), made once per bundle
// and Pyodide version by a trusted step: a one-off process of the bundle's make-snapshot entry,
// under the engine's own permission flags (it may write nothing; it hands the bytes over its
// stdout) with no program ever sent to it. The host writes the file; every engine process reads
// it. Whatever goes wrong here, the engine still starts: without the file it makes its own.
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { permissionFlags } from '../../engine/node/permission-flags';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FILE, snapshotKey } from '../../engine/node/snapshot-file';
import { findEngineRuntime, type EngineRuntime } from './engine-runtime';
import { DEFAULT_JS_HEAP_MB } from './node-launcher';
import type { NodeBundle } from './node-bundle';

/** Making the snapshot is one engine start and a warm-up: seconds; past this it is given up. */
const MAKE_TIMEOUT_MS = 180_000;
/** A lock older than this was left by a maker that died. */
const STALE_LOCK_MS = MAKE_TIMEOUT_MS + 10_000;
const POLL_MS = 250;

export type SnapshotState = 'cached' | 'made' | 'failed';

/** Files already checked by this process (path, size, mtime): the hash of 30 MB is not free. */
const checked = new Set<string>();

function keyOf(bundle: NodeBundle): string {
  const pyodide = JSON.parse(readFileSync(join(bundle.pyodideDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return snapshotKey(readFileSync(join(bundle.dir, 'fingerprint'), 'utf8'), pyodide.version);
}

function idOf(file: string, key: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${file}:${size}:${mtimeMs}:${key}`;
}

function isCurrent(file: string, key: string): boolean {
  if (!existsSync(file)) return false;
  const id = idOf(file, key);
  if (checked.has(id)) return true;
  if (!decodeSnapshot(readFileSync(file), key)) return false;
  checked.add(id);
  return true;
}

/** Takes the lock, or waits for whoever holds it; false: someone else made it meanwhile. */
async function lock(path: string, done: () => boolean): Promise<boolean> {
  const t0 = Date.now();
  for (;;) {
    try {
      closeSync(openSync(path, 'wx'));
      return true;
    } catch {
      if (done()) return false;
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) unlinkSync(path);
      } catch {
        // gone already: try again
      }
      if (Date.now() - t0 > MAKE_TIMEOUT_MS)
        throw new Error('another process held the snapshot lock too long');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}

function make(maker: string, bundle: NodeBundle, runtime: EngineRuntime): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      runtime.execPath,
      [
        ...permissionFlags(bundle.readPaths, runtime.flags),
        `--max-old-space-size=${DEFAULT_JS_HEAP_MB}`,
        maker,
      ],
      { env: {}, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
    );
    const chunks: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), MAKE_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new Error(`the snapshot maker exited with ${code}: ${err.trim()}`));
    });
  });
}

/** Makes the bundle's snapshot unless a whole one for this bundle and Pyodide is there. */
export async function ensureEngineSnapshot(
  bundle: NodeBundle,
  runtime?: EngineRuntime,
): Promise<{ state: SnapshotState; error?: string }> {
  const file = join(bundle.dir, SNAPSHOT_FILE);
  const maker = bundle.snapshotMaker;
  if (!maker) return { state: 'failed', error: 'this bundle has no snapshot maker (a replaced engine)' };
  try {
    const key = keyOf(bundle);
    if (isCurrent(file, key)) return { state: 'cached' };
    const lockFile = `${file}.lock`;
    if (!(await lock(lockFile, () => isCurrent(file, key)))) return { state: 'cached' };
    try {
      if (isCurrent(file, key)) return { state: 'cached' };
      const bytes = await make(maker, bundle, runtime ?? findEngineRuntime());
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, encodeSnapshot(key, bytes));
      renameSync(temp, file);
      checked.add(idOf(file, key));
      return { state: 'made' };
    } finally {
      unlinkSync(lockFile);
    }
  } catch (e) {
    return { state: 'failed', error: (e as Error).message };
  }
}

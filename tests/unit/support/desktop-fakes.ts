// Test doubles for the desktop ports: a real temp directory behind Node's file system (with
// watching under the test's control) and a dialog that answers from a script.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFileSystem } from '../../../main/files/node-fs';
import type { FileSystemPort } from '../../../main/files/ports';
export { scriptedDialog, type ScriptedDialog } from '../../support/scripted-dialog';

export interface TempDir {
  dir: string;
  path(name: string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-test-'));
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Node's fs, except that watchers fire when the test calls `touch(path)`. */
export function controlledFs(): FileSystemPort & { touch(path: string): void; watched(): string[] } {
  const real = createNodeFileSystem();
  const watchers = new Map<string, Set<() => void>>();
  return {
    ...real,
    watch(path, onChange) {
      const set = watchers.get(path) ?? new Set();
      watchers.set(path, set);
      set.add(onChange);
      return () => set.delete(onChange);
    },
    touch(path) {
      for (const listener of watchers.get(path) ?? []) listener();
    },
    watched: () => [...watchers].filter(([, set]) => set.size > 0).map(([path]) => path),
  };
}

// Test doubles for the desktop ports: a real temp directory behind Node's file system (with
// watching under the test's control) and a dialog that answers from a script.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFileSystem } from '../../../main/files/node-fs';
import type { DialogPort, FileSystemPort, UnsavedAnswer } from '../../../main/files/ports';

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

export interface ScriptedDialog extends DialogPort {
  openAnswers: (string | null)[];
  saveAnswers: (string | null)[];
  unsavedAnswers: UnsavedAnswer[];
  asked: string[];
}

export function scriptedDialog(): ScriptedDialog {
  const dialog: ScriptedDialog = {
    openAnswers: [],
    saveAnswers: [],
    unsavedAnswers: [],
    asked: [],
    async openPython() {
      dialog.asked.push('open');
      return dialog.openAnswers.shift() ?? null;
    },
    async savePath({ title, defaultName }) {
      dialog.asked.push(`save:${title}:${defaultName}`);
      return dialog.saveAnswers.shift() ?? null;
    },
    async confirmUnsaved(name) {
      dialog.asked.push(`unsaved:${name}`);
      return dialog.unsavedAnswers.shift() ?? 'cancel';
    },
  };
  return dialog;
}

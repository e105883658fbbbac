// The desktop half of the test "main": the real Electron-free services (document session,
// settings store, drafts, export writer) over a temp directory, a dialog that answers from a
// script, a presentation port that records full-screen requests, and the file watcher fired
// by the test. Also builds the desktop test page (the DesktopController and its banners over
// a textarea "editor") until App.svelte wires the controller in.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, compileModule } from 'svelte/compiler';
import { transform } from 'esbuild';
import { DraftStore } from '../../main/files/drafts';
import { createNodeFileSystem } from '../../main/files/node-fs';
import type { FileSystemPort } from '../../main/files/ports';
import { scriptedDialog, type ScriptedDialog } from '../support/scripted-dialog';
export type { ScriptedDialog };
import { DocumentSession } from '../../main/files/session';
import { ExportWriter } from '../../main/export/writer';

/** Built by electron-vite build (renderer/share/vite.config.ts), which test:e2e runs first. */
export const PLAYER_TEMPLATE = fileURLToPath(new URL('../../out/share/player.html', import.meta.url));
import type { DesktopDeps } from '../../main/ipc/handlers';
import type { EventChannel } from '../../main/ipc/channels';
import { SettingsStore } from '../../main/settings/store';
import type { OpenRequest } from '../../common/apiTypes';

export interface TestDesktop {
  /** The temp root: `files/` for documents, `userData/` for settings and drafts. */
  dir: string;
  userData: string;
  /** A path under files/. */
  path(name: string): string;
  /** Writes files/<name> and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  dialog: ScriptedDialog;
  deps: DesktopDeps;
  session: DocumentSession;
  settings: SettingsStore;
  /** Every presentation request, in order; `presenting` is the window's state. */
  presentationCalls: boolean[];
  readonly presenting: boolean;
  /** The window was closed (app:close, or a close the dialog allowed). */
  readonly closed: boolean;
  /** Plays the OS (open-file, command line) or File > Open Recent offering a file. */
  offer(path: string, reason: OpenRequest['reason']): void;
  /** Plays the window's close button: resolves true when the window closed. */
  requestClose(): Promise<boolean>;
  /** Plays the file watcher noticing `path` changed. */
  touch(path: string): void;
  dispose(): void;
}

/** Files to place in userData before the settings store loads (e.g. a corrupt settings.json). */
export type UserDataSeed = Record<string, string>;

export async function createTestDesktop(
  emit: (channel: EventChannel, payload: unknown) => void,
  seed: UserDataSeed = {},
): Promise<TestDesktop> {
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-e2e-'));
  const userData = join(dir, 'userData');
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (const [name, content] of Object.entries(seed)) {
    mkdirSync(dirname(join(userData, name)), { recursive: true });
    writeFileSync(join(userData, name), content);
  }
  const real = createNodeFileSystem();
  const watchers = new Map<string, Set<() => void>>();
  const fs: FileSystemPort = {
    ...real,
    watch(path, onChange) {
      const set = watchers.get(path) ?? new Set();
      watchers.set(path, set);
      set.add(onChange);
      return () => set.delete(onChange);
    },
  };
  const dialog = scriptedDialog();
  const settings = await SettingsStore.load(fs, userData);
  const session = new DocumentSession({
    fs,
    dialog,
    drafts: new DraftStore(fs, join(userData, 'drafts')),
    recent: {
      list: () => settings.get().recentFiles,
      add: (path) => settings.addRecent(path),
      remove: (path) => settings.removeRecent(path),
    },
    emit,
  });
  const stopSettings = settings.subscribe((current) => emit('settings:changed', current));
  const presentationCalls: boolean[] = [];
  let presenting = false;
  let closed = false;
  const deps: DesktopDeps = {
    session,
    settings,
    // The shared player's template as `npm run build` (or test:e2e's build) leaves it.
    exporter: new ExportWriter(fs, dialog, () => readFile(PLAYER_TEMPLATE, 'utf8')),
    presentation: {
      async set(on) {
        presentationCalls.push(on);
        if (on !== presenting) {
          presenting = on;
          emit('app:presentationChanged', on);
        }
        return presenting;
      },
    },
    closeWindow: () => {
      closed = true;
    },
  };
  return {
    dir,
    userData,
    path: (name) => join(dir, 'files', name),
    write(name, content) {
      const path = join(dir, 'files', name);
      writeFileSync(path, content);
      return path;
    },
    dialog,
    deps,
    session,
    settings,
    presentationCalls,
    get presenting() {
      return presenting;
    },
    get closed() {
      return closed;
    },
    offer: (path, reason) => session.offer(path, reason),
    async requestClose() {
      if (await session.confirmClose()) closed = true;
      return closed;
    },
    touch(path) {
      for (const listener of watchers.get(path) ?? []) listener();
    },
    dispose() {
      stopSettings();
      session.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Compiles .svelte and .svelte.ts for the browser, as vite-plugin-svelte does for the app. */
const sveltePlugin: Plugin = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte\.ts$/ }, async (args) => {
      const ts = await readFile(args.path, 'utf8');
      const js = (await transform(ts, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
      return {
        contents: compileModule(js, { filename: args.path, generate: 'client' }).js.code,
        loader: 'js',
      };
    });
    b.onLoad({ filter: /\.svelte$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const out = compile(source, { filename: args.path, generate: 'client', css: 'injected' });
      return { contents: out.js.code, loader: 'ts' };
    });
  },
};

let pageScript: Promise<string> | null = null;

/** The desktop test page's script: DesktopController + DesktopBanners over a textarea editor. */
export function desktopPageScript(): Promise<string> {
  pageScript ??= build({
    entryPoints: [fileURLToPath(new URL('./desktop-page.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['svelte', 'browser'],
    write: false,
    target: 'chrome120',
    plugins: [sveltePlugin],
  }).then((r) => r.outputFiles[0].text);
  return pageScript;
}

export const DESKTOP_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Loopscope desktop test page</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:">
</head><body><div id="banners"></div><h1 id="name">untitled.py</h1><textarea id="editor" rows="10" cols="60"></textarea>
<output id="step">0</output><script type="module" src="./desktop-test.js"></script></body></html>`;

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

// Runs in the page before any app script (bundled by harness.ts): builds window.loopscope with
// the preload's own createApi, over a Playwright binding to the main-side handlers instead of
// ipcRenderer. Payloads are structured-cloned both ways, as IPC would.
import { createApi } from '../../preload/api';

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

declare global {
  interface Window {
    __loopscopeInvoke(channel: string, payload: unknown): Promise<Reply>;
    /** Test-only: the disk path a dropped File stands for, by file name (webUtils.getPathForFile in the app). */
    __loopscopeDropPaths?: Record<string, string>;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

const api = createApi({
  invoke: async (channel, payload) =>
    structuredClone(await window.__loopscopeInvoke(channel, structuredClone(payload))),
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  pathForFile: (file) => window.__loopscopeDropPaths?.[file.name] ?? '',
});

Object.defineProperty(window, 'loopscope', {
  value: api,
  writable: false,
  configurable: false,
  enumerable: true,
});
// The harness plays main: it pushes events (progress, menu commands) through this hook.
Object.defineProperty(window, '__loopscopeEmit', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(structuredClone(payload));
  },
});

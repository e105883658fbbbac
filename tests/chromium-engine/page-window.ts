// The test's stand-in for main/engine-window/engine-window.ts: an EngineWindow over a Playwright
// page showing the built engine page. openPort() does what the app's preload does (hand the
// page one end of a MessageChannel through window.postMessage); the other end's messages come
// back to the test process through a binding; its pid is the page's renderer, found in /proc
// (renderer-pid.ts), so the SimService watches that process's memory and CPU time from
// outside as it does in the app. Everything else (the SimService, the launcher, the page, the
// worker) is the code the app runs.
import type { BrowserContext, Page } from '@playwright/test';
import type { EnginePort, EngineWindow } from '../../main/engine-window/chromium-launcher';
import { ENGINE_PORT_MESSAGE } from '../../engine/chromium/protocol';
import { claimRendererPid } from './renderer-pid';

interface PageGlobals {
  __ports: Record<number, MessagePort>;
  __engineOut(id: number, data: unknown): void;
  __deliveries: unknown[];
}

/** What arrived on a run's trace port, as the test reads it back out of the page. */
export interface Arrived {
  type: unknown;
  delivery: unknown;
  /** Whether `bytes` was a Uint8Array, and its bytes. */
  isBytes: boolean;
  bytes: number[];
}

export interface PageWindow extends EngineWindow {
  readonly page: Promise<Page>;
  /** With `traces`: everything posted on the runs' trace ports so far. */
  arrived(): Promise<Arrived[]>;
}

/**
 * `traces`: each run goes with a trace channel, as main sends it in the app; the page keeps
 * the UI's end and records what arrives there (the test plays the UI too).
 */
export function pageWindow(
  context: BrowserContext,
  url: string,
  options: { traces?: boolean } = {},
): PageWindow {
  let nextId = 0;
  const listeners = new Map<number, ((data: unknown) => void)[]>();
  const goneListeners: ((why: string) => void)[] = [];
  let isGone = false;
  const gone = (why: string): void => {
    if (isGone) return;
    isGone = true;
    for (const l of goneListeners) l(why);
  };
  const page = (async () => {
    const p = await context.newPage();
    await p.exposeBinding('__engineOut', (_source, id: number, data: unknown) => {
      for (const l of listeners.get(id) ?? []) l(data);
    });
    p.on('crash', () => gone('the engine page crashed'));
    p.on('close', () => gone('the engine page closed'));
    await p.goto(url);
    return p;
  })();
  let chain: Promise<unknown> = page;
  const enqueue = (fn: (p: Page) => Promise<unknown>): void => {
    chain = chain.then(() => page.then(fn)).catch(() => {});
  };
  let loaded = false;
  void page.then(() => (loaded = true)).catch(() => {});
  let pid: number | undefined;
  return {
    page,
    get pid() {
      if (pid === undefined && loaded && !isGone) pid = claimRendererPid();
      return pid;
    },
    openPort(): EnginePort {
      const id = ++nextId;
      listeners.set(id, []);
      enqueue((p) =>
        p.evaluate(
          ([portId, message]) => {
            const g = window as unknown as PageGlobals;
            const channel = new MessageChannel();
            g.__ports ??= {};
            g.__ports[portId] = channel.port1;
            channel.port1.onmessage = (e) => g.__engineOut(portId, e.data);
            window.postMessage(message, '*', [channel.port2]);
          },
          [id, ENGINE_PORT_MESSAGE] as const,
        ),
      );
      return {
        ...(options.traces
          ? {
              postRun(message: unknown) {
                enqueue((p) =>
                  p.evaluate(
                    ([portId, m]) => {
                      const g = window as unknown as PageGlobals;
                      const trace = new MessageChannel();
                      g.__deliveries ??= [];
                      trace.port1.onmessage = (e) => g.__deliveries.push(e.data);
                      g.__ports[portId]?.postMessage(m, [trace.port2]);
                    },
                    [id, message] as const,
                  ),
                );
                return true;
              },
            }
          : {}),
        postMessage(message) {
          enqueue((p) =>
            p.evaluate(([portId, m]) => (window as unknown as PageGlobals).__ports[portId]?.postMessage(m), [
              id,
              message,
            ] as const),
          );
        },
        onMessage(listener) {
          listeners.get(id)?.push(listener);
        },
        close() {
          listeners.delete(id);
          enqueue((p) =>
            p.evaluate((portId) => {
              const g = window as unknown as PageGlobals;
              g.__ports[portId]?.close();
              delete g.__ports[portId];
            }, id),
          );
        },
      };
    },
    onGone(listener) {
      goneListeners.push(listener);
    },
    arrived: () =>
      page.then((p) =>
        p.evaluate(() =>
          ((window as unknown as PageGlobals).__deliveries ?? []).map((d) => {
            const m = d as { type?: unknown; delivery?: unknown; bytes?: unknown };
            const isBytes = m.bytes instanceof Uint8Array;
            return {
              type: m.type,
              delivery: m.delivery,
              isBytes,
              bytes: isBytes ? Array.from(m.bytes as Uint8Array) : [],
            };
          }),
        ),
      ),
    destroy() {
      gone('destroyed');
      void page.then((p) => p.close()).catch(() => {});
    },
  };
}

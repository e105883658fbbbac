// Playwright fixture: the built renderer served over HTTP in Debian's Chromium, with
// window.loopscope built by the preload's createApi over a binding to the very handlers the
// app registers (main/ipc/handlers.ts), backed by the real engine. The test process plays main.
import { test as base, expect, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import type { AppInfo, MenuCommand, SimProgress } from '../../common/apiTypes';
import type { RunEnd } from '../../common/trace';
import { TRACE_PORT_MESSAGE } from '../../engine/chromium/port';
import { encodeTrace } from '../../common/traceCodec';
import { createHandlers, type Handlers, type SimService } from '../../main/ipc/handlers';
import { createTestSimService } from './test-sim-service';
import type { EventChannel } from '../../main/ipc/channels';
import { createTestDesktop, type TestDesktop, type UserDataSeed } from './desktop-support';

const bridgeScript = buildSync({
  entryPoints: [fileURLToPath(new URL('./test-bridge.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  write: false,
  target: 'chrome120',
}).outputFiles[0].text;

export interface LoopscopeHarness {
  page: Page;
  handlers: Handlers;
  sim: SimService;
  /** Every invoke the renderer made, in order (channel names). */
  calls: string[];
  /** Plays main pushing a menu command to the renderer. */
  menu(command: MenuCommand): Promise<void>;
  progress(progress: SimProgress): Promise<void>;
  /** Plays main pushing any event (e.g. 'file:exportRequest') to the renderer. */
  event(channel: EventChannel, payload: unknown): Promise<void>;
  /** The desktop services behind file:, settings: and app: channels, over a temp directory. */
  desktop: TestDesktop;
}

const testAppInfo: AppInfo = {
  name: 'Loopscope',
  version: 'test',
  platform: process.platform,
  contained: true,
};

/**
 * How traces reach the renderer. `whole`: in the reply to sim:run (the Node host). `port`: as in
 * the app, over a trace port the harness posts to the window as the preload does (the engine
 * page's bytes, main's receipt). `port-main-end`: main's end differs from the one in the bytes.
 * `port-foreign`: the bytes are another program's trace.
 */
export type TraceDeliveryMode = 'whole' | 'port' | 'port-main-end' | 'port-foreign';

/** The end the harness (playing main) reports in `port-main-end` mode. */
export const MAIN_END: RunEnd = {
  kind: 'runaway',
  message:
    'the program ran for more than 1 s of wall time; the engine was stopped and restarted (the wallBudgetSeconds setting raises the limit)',
  exitCode: 1,
  option: 'the wallBudgetSeconds setting',
};

/** Plays the engine page, the preload and main for one run's trace delivery over a port. */
function deliverOverPort(page: Page, sim: SimService, mode: TraceDeliveryMode): SimService {
  return {
    cancel: () => sim.cancel(),
    async run(request, onProgress) {
      const result = await sim.run(request, onProgress);
      if ('delivered' in result) return result;
      const delivered = randomBytes(16).toString('hex');
      const sent = mode === 'port-foreign' ? { ...result, source: 'print("someone else")' } : result;
      // The page's binary form (common/traceCodec.ts), carried into the page as base64.
      await page.evaluate(
        ([message, base64, id]) => {
          const channel = new MessageChannel();
          window.postMessage(message, window.location.origin, [channel.port2]);
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          channel.port1.postMessage({ type: 'trace', delivery: id, bytes }, [bytes.buffer]);
        },
        [TRACE_PORT_MESSAGE, Buffer.from(encodeTrace(sent)).toString('base64'), delivered] as const,
      );
      return { delivered, end: mode === 'port-main-end' ? MAIN_END : result.end };
    },
  };
}

export const test = base.extend<
  { loopscope: LoopscopeHarness; userDataSeed: UserDataSeed; traceDelivery: TraceDeliveryMode },
  { sharedSim: SimService; engine: boolean }
>({
  /** test.use({ traceDelivery: 'port' }): traces over a trace port, as the app's engine sends them. */
  traceDelivery: ['whole', { option: true }],
  /** test.use({ engine: false }) for specs that never run a program (desktop workflow): no Pyodide start. */
  engine: [true, { scope: 'worker', option: true }],
  /** Files placed in the user-data folder before settings load: test.use({ userDataSeed: { 'settings.json': '{' } }). */
  userDataSeed: [{}, { option: true }],
  // One engine per Playwright worker: Pyodide takes seconds to start.
  sharedSim: [
    async ({ engine }, use) => {
      if (!engine) {
        const refuse = async (): Promise<never> => {
          throw new Error('this spec runs without the engine (test.use({ engine: false }))');
        };
        await use({ run: refuse, cancel: async () => undefined });
        return;
      }
      const sim = await createTestSimService();
      await use(sim);
      await sim.dispose?.();
    },
    { scope: 'worker' },
  ],
  loopscope: async ({ page, sharedSim, userDataSeed, traceDelivery }, use) => {
    const sim = traceDelivery === 'whole' ? sharedSim : deliverOverPort(page, sharedSim, traceDelivery);
    const calls: string[] = [];
    const emit = async (channel: string, payload: unknown): Promise<void> => {
      await page.evaluate(
        ([c, p]) =>
          (window as unknown as { __loopscopeEmit(c: unknown, p: unknown): void }).__loopscopeEmit(c, p),
        [channel, payload] as const,
      );
    };
    const send = (channel: EventChannel, payload: unknown): void =>
      void emit(channel, payload).catch(() => undefined);
    const desktop = await createTestDesktop(send, userDataSeed);
    const handlers = createHandlers({
      sim,
      emit: send,
      appInfo: () => testAppInfo,
      desktop: desktop.deps,
    });
    await page.exposeBinding('__loopscopeInvoke', async (_source, channel: string, payload: unknown) => {
      calls.push(channel);
      return handlers.invoke(channel, payload);
    });
    await page.addInitScript({ content: bridgeScript });
    await use({
      page,
      handlers,
      sim,
      calls,
      menu: (command) => emit('app:menu', command),
      progress: (progress) => emit('sim:progress', progress),
      event: (channel, payload) => emit(channel, payload),
      desktop,
    });
    desktop.dispose();
  },
});

export { expect };

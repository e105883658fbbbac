// Playwright fixture: the built renderer served over HTTP in Debian's Chromium, with
// window.loopscope built by the preload's createApi over a binding to the very handlers the
// app registers (main/ipc/handlers.ts), backed by the real engine. The test process plays main.
import { test as base, expect, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { AppInfo, MenuCommand, SimProgress } from '../../preload/loopscope';
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

export const test = base.extend<
  { loopscope: LoopscopeHarness; userDataSeed: UserDataSeed },
  { sharedSim: SimService; engine: boolean }
>({
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
  loopscope: async ({ page, sharedSim, userDataSeed }, use) => {
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
      sim: sharedSim,
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
      sim: sharedSim,
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

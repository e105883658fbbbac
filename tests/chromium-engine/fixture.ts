// One engine page per spec file: the built page served with the app's headers, a browser
// context, and the app's SimService (createChromiumSimService) driving it.
import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Trace } from '../../common/trace';
import { createChromiumSimService } from '../../main/engine-window/chromium-sim-service';
import { expectTrace, type HostedSimService } from '../../main/host/sim-service';
import { pageWindow, type PageWindow } from './page-window';
import { serveEngine, serveOutside, type RecordingServer } from './server';
import { buildEnginePage } from '../support/engine-page';

export const chromiumPath = process.env.LOOPSCOPE_CHROMIUM ?? '/usr/bin/chromium';

export interface EngineFixture {
  browser: Browser;
  context: BrowserContext;
  engine: RecordingServer;
  outside: RecordingServer;
  service: HostedSimService;
  windows: PageWindow[];
  close(): Promise<void>;
}

export { buildEnginePage };

export async function startEngine(
  options: { stepBudgetMs?: number; memoryCapMb?: number; root?: string; traces?: boolean } = {},
): Promise<EngineFixture> {
  const { root, traces, ...serviceOptions } = options;
  await buildEnginePage();
  const engine = await serveEngine(root);
  const outside = await serveOutside();
  // Chromium's own sandbox cannot run as root here (the CI container): --no-sandbox, as in
  // playwright.config.ts. Everything else (CSP, COOP/COEP, workers) is Chromium's own.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext();
  const windows: PageWindow[] = [];
  const service = createChromiumSimService({
    openWindow: () => {
      const w = pageWindow(context, `${engine.url}index.html`, { traces });
      windows.push(w);
      return w;
    },
    ...serviceOptions,
  });
  return {
    browser,
    context,
    engine,
    outside,
    service,
    windows,
    async close() {
      await service.dispose();
      await browser.close();
      await engine.close();
      await outside.close();
    },
  };
}

/** The engine window in use now (a budget may have replaced earlier ones), once it runs a worker. */
export async function currentPage(f: EngineFixture): Promise<Page> {
  const page = await f.windows[f.windows.length - 1].page;
  await expect.poll(() => page.workers().length, { timeout: 120_000 }).toBeGreaterThan(0);
  return page;
}

export function stdout(trace: Trace): string {
  return trace.events.flatMap((e) => (e.t === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');
}

export async function run(
  service: HostedSimService,
  source: string,
  fileName = 'scenario.py',
): Promise<{ trace: Trace; ms: number }> {
  const t0 = performance.now();
  const trace = expectTrace(await service.run({ source, fileName }, () => {}));
  return { trace, ms: performance.now() - t0 };
}

export const HELLO =
  'import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    print("hello")\nasyncio.run(main())\n';

export const GATHER = `import asyncio

async def work(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name

async def main():
    result = await asyncio.gather(work("a", 0.2), work("b", 0.1), work("c", 0.3))
    print(f"Result: {result}")

asyncio.run(main())
`;

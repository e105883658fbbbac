// The app's SimService: main/host/sim-service.ts's (one run at a time, progress, cancel, a
// watchdog on the page) over the engine page in a hidden sandboxed window. The page keeps the
// warm standby worker, so main keeps no standby of its own. Electron-free: the window is
// injected (engine-window.ts in the app, a Playwright page in tests).
import { createSimService, type HostedSimService, type SimServiceOptions } from '../host/sim-service';
import { createChromiumLauncher, type EngineWindow } from './chromium-launcher';

export interface ChromiumSimServiceOptions extends Omit<SimServiceOptions, 'launcher' | 'standby'> {
  openWindow: () => EngineWindow;
}

export function createChromiumSimService(options: ChromiumSimServiceOptions): HostedSimService {
  const { openWindow, ...rest } = options;
  const launcher = createChromiumLauncher(openWindow);
  const service = createSimService({ ...rest, launcher, standby: false });
  return {
    ...service,
    async dispose() {
      await service.dispose();
      launcher.dispose();
    },
  };
}

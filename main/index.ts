// Electron main: one window, the app:// protocol, the security guards, the menu and IPC.
// It never runs scenario code itself: programs go to the contained engine process (main/host).
import { app, Menu } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createHandlers } from './ipc/handlers';
import { registerIpc, sendToWindow } from './ipc/register';
import { buildMenu } from './menu';
import { installSecurityGuards } from './security';
import { createMainWindow } from './window';
import { createSimService } from './host/sim-service';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Every renderer sandboxed, whatever a window's preferences say (belt and braces).
app.enableSandbox();
registerAppScheme();

async function start(): Promise<void> {
  await app.whenReady();
  installSecurityGuards(devServerUrl);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  const sim = createSimService({ mainDir: import.meta.dirname });
  const win = createMainWindow({ preloadDir: join(import.meta.dirname, '../preload'), devServerUrl });
  const handlers = createHandlers({
    sim,
    emit: (channel, payload) => sendToWindow(win, channel, payload),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      contained: sim.contained(),
    }),
  });
  const unregister = registerIpc(win, handlers, devServerUrl);
  Menu.setApplicationMenu(buildMenu((command) => sendToWindow(win, 'app:menu', command)));

  win.on('closed', () => {
    unregister();
    void sim.dispose();
  });
}

app.on('window-all-closed', () => app.quit());
void start();

// The engine's window, the only Electron-specific part of the app's engine host: hidden,
// sandboxed, no Node, contextIsolation, no webviews, its own in-memory session partition that
// serves the engine page (out/engine) with its CSP, COOP and COEP headers and cancels every
// other request, permissions all denied, and a preload that only hands the page MessagePorts;
// its renderer's memory and CPU time for the SimService's budgets (app-metrics.ts).
// chromium-launcher.ts turns it into engine processes for main/host/sim-service.ts.
import {
  app,
  BrowserWindow,
  MessageChannelMain,
  session,
  type MessagePortMain,
  type Session,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { engineHeaders } from '../../engine/chromium/protocol';
import { ENGINE_PORT_CHANNEL, TRACE_PORT_CHANNEL } from '../../engine/chromium/port';
import { usageFromMetrics } from './app-metrics';
import type { EnginePort, EngineWindow } from './chromium-launcher';
import { ENGINE_SCHEME, ENGINE_URL, engineRequestAllowed, resolveEnginePath } from './request-filter';

/** No `persist:` prefix: an in-memory session, nothing of it on disk. */
export const ENGINE_PARTITION = 'loopscope-engine';

export interface EngineWindowOptions {
  /** The built engine page: out/engine. */
  engineDir: string;
  /** The engine window's preload: out/preload/engine-port.cjs. */
  preload: string;
  /**
   * Where a run's trace port goes: a function that hands the UI window its end (the window that
   * runs programs), or null while there is none; the trace then comes back through main.
   */
  traceSink?: () => ((uiEnd: MessagePortMain) => void) | null;
}

const prepared = new WeakSet<Session>();

function prepareSession(engineDir: string): Session {
  const ses = session.fromPartition(ENGINE_PARTITION);
  if (prepared.has(ses)) return ses;
  prepared.add(ses);
  ses.protocol.handle(ENGINE_SCHEME, async (request) => {
    const path = request.method === 'GET' ? resolveEnginePath(engineDir, request.url) : null;
    if (!path) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(path), { headers: engineHeaders(path) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !engineRequestAllowed(engineDir, details) }),
  );
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  return ses;
}

export function openEngineWindow(options: EngineWindowOptions): EngineWindow {
  const ses = prepareSession(options.engineDir);
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      session: ses,
      preload: options.preload,
      spellcheck: false,
      // The page's watchdog timers must run on time in a window nobody sees.
      backgroundThrottling: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  let loaded = false;
  const waiting: (() => void)[] = [];
  contents.once('did-finish-load', () => {
    loaded = true;
    for (const deliver of waiting.splice(0)) deliver();
  });
  const goneListeners: ((why: string) => void)[] = [];
  let gone = false;
  const markGone = (why: string): void => {
    if (gone) return;
    gone = true;
    for (const l of goneListeners) l(why);
  };
  contents.on('render-process-gone', (_event, details) =>
    markGone(`the engine window's process is gone (${details.reason}, exit code ${details.exitCode})`),
  );
  contents.on('did-fail-load', (_event, code, description) =>
    markGone(`the engine page did not load: ${description} (${code})`),
  );
  win.on('closed', () => markGone('the engine window closed'));
  void win.loadURL(ENGINE_URL);

  const pid = (): number | undefined =>
    win.isDestroyed() ? undefined : contents.getOSProcessId() || undefined;
  return {
    get pid() {
      return pid();
    },
    // Memory and CPU time of the renderer, from the browser process: the SimService's budgets.
    usage: () => usageFromMetrics(app.getAppMetrics(), pid()),
    openPort(): EnginePort {
      const { port1, port2 } = new MessageChannelMain();
      const deliver = (): void => {
        if (!win.isDestroyed()) contents.postMessage(ENGINE_PORT_CHANNEL, null, [port2]);
      };
      if (loaded) deliver();
      else waiting.push(deliver);
      return portOf(port1, options.traceSink);
    },
    onGone(listener) {
      goneListeners.push(listener);
    },
    destroy() {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}

/** The traceSink for the UI window `ui()` names: its preload takes the port (TRACE_PORT_CHANNEL). */
export function uiTraceSink(ui: () => BrowserWindow | null): NonNullable<EngineWindowOptions['traceSink']> {
  return () => {
    const win = ui();
    if (!win || win.isDestroyed()) return null;
    return (port) => win.webContents.postMessage(TRACE_PORT_CHANNEL, null, [port]);
  };
}

function portOf(port: MessagePortMain, traceSink: EngineWindowOptions['traceSink']): EnginePort {
  let started = false;
  return {
    postMessage: (message) => port.postMessage(message),
    postRun(message) {
      const toUi = traceSink?.();
      if (!toUi) {
        port.postMessage(message);
        return false;
      }
      // The trace goes from the page to the UI on this channel, never through main.
      const trace = new MessageChannelMain();
      port.postMessage(message, [trace.port1]);
      toUi(trace.port2);
      return true;
    },
    onMessage(listener) {
      port.on('message', (e) => listener(e.data));
      if (!started) {
        started = true;
        port.start();
      }
    },
    close: () => port.close(),
  };
}

// Electron main: one window, the app:// protocol, the security guards, the menu and IPC.
// It never runs scenario code itself: programs go to the engine page in a hidden, sandboxed
// window (main/engine-window), which runs each in a dedicated Worker; no ELECTRON_RUN_AS_NODE.
// Desktop workflow (files, settings, presentation, export) lives in files/, settings/,
// export/ and presentation.ts; this file only wires them to the window.
import { app, Menu, type BrowserWindow } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createHandlers } from './ipc/handlers';
import { registerIpc, sendToWindow } from './ipc/register';
import { buildMenu } from './menu';
import { installSecurityGuards } from './security';
import { createMainWindow } from './window';
import { createChromiumSimService } from './engine-window/chromium-sim-service';
import { openEngineWindow, uiTraceSink } from './engine-window/engine-window';
import { DraftStore } from './files/drafts';
import { createElectronDialogs } from './files/electron-dialog';
import { createNodeFileSystem } from './files/node-fs';
import { filesFromArgv, filesFromSecondInstance, type SecondInstanceData } from './files/os-open';
import { DocumentSession } from './files/session';
import { ExportWriter } from './export/writer';
import { createPresentation } from './presentation';
import { SettingsStore } from './settings/store';
import { APP_BUDGET_SETTINGS } from './settings/schema';
import { restoreWindowBounds, trackWindowBounds } from './settings/window-state';
import { nextZoom, type ZoomCommand } from './settings/zoom';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Every renderer sandboxed, whatever a window's preferences say (belt and braces).
app.enableSandbox();
registerAppScheme();

// Tests and development runs can keep their settings and drafts apart from a person's own
// (and, since the single-instance lock lives in this folder, run beside the installed app).
const userDataOverride = app.isPackaged ? undefined : process.env['LOOPSCOPE_USER_DATA'];
if (userDataOverride) app.setPath('userData', userDataOverride);

// One Loopscope at a time: a second launch hands its files to the first and quits.
const ownFiles = filesFromArgv(process.argv, app.isPackaged, process.cwd());
const isFirstInstance = app.requestSingleInstanceLock({ files: ownFiles } satisfies SecondInstanceData);

/** Files the OS named before the window could take them (macOS sends open-file before ready). */
const early: string[] = [...ownFiles];
let offerFile: ((path: string, reason: 'command-line' | 'os') => void) | null = null;
let mainWindow: BrowserWindow | null = null;

app.on('open-file', (event, path) => {
  event.preventDefault();
  if (offerFile) offerFile(path, 'os');
  else early.push(path);
});

app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
  const files =
    filesFromSecondInstance(additionalData) ?? filesFromArgv(argv, app.isPackaged, workingDirectory);
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
  for (const file of files) offerFile?.(file, 'command-line');
});

async function start(): Promise<void> {
  await app.whenReady();
  installSecurityGuards(devServerUrl);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  const fs = createNodeFileSystem();
  const userData = app.getPath('userData');
  const settings = await SettingsStore.load(fs, userData);

  const budgetsOf = (s: { wallBudgetSeconds: number; stepBudgetSeconds: number; memoryCapMb: number }) => ({
    wallBudgetMs: s.wallBudgetSeconds * 1000,
    stepBudgetMs: s.stepBudgetSeconds * 1000,
    memoryCapMb: s.memoryCapMb,
  });
  const sim = createChromiumSimService({
    ...budgetsOf(settings.get()),
    budgetSettings: APP_BUDGET_SETTINGS,
    openWindow: () =>
      openEngineWindow({
        engineDir: join(import.meta.dirname, '../engine'),
        preload: join(import.meta.dirname, '../preload/engine-port.cjs'),
        traceSink: uiTraceSink(() => mainWindow),
      }),
  });
  settings.subscribe((now, changed) => {
    if (changed.some((k) => k === 'wallBudgetSeconds' || k === 'stepBudgetSeconds' || k === 'memoryCapMb'))
      sim.setBudgets(budgetsOf(now));
  });
  const win = createMainWindow({ preloadDir: join(import.meta.dirname, '../preload'), devServerUrl });
  mainWindow = win;
  restoreWindowBounds(win, settings);

  const emit = (channel: Parameters<typeof sendToWindow>[1], payload: unknown): void =>
    sendToWindow(win, channel, payload);
  const dialogs = createElectronDialogs(win);
  const session = new DocumentSession({
    fs,
    dialog: dialogs,
    drafts: new DraftStore(fs, join(userData, 'drafts')),
    recent: {
      list: () => settings.get().recentFiles,
      add: async (path) => {
        await settings.addRecent(path);
        app.addRecentDocument(path);
      },
      remove: (path) => settings.removeRecent(path),
    },
    emit,
    onStateChange: ({ path, name, dirty }) => {
      if (win.isDestroyed()) return;
      win.setTitle(`${name}${dirty ? ' •' : ''} — Loopscope`);
      if (process.platform === 'darwin') {
        win.setDocumentEdited(dirty);
        win.setRepresentedFilename(path ?? '');
      }
    },
  });
  const presentation = createPresentation(win, (on) => emit('app:presentationChanged', on));
  const stopTracking = trackWindowBounds(win, settings, () => presentation.isOn());

  // The title is the document's, not the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.setTitle(`${session.name} — Loopscope`);

  let closeConfirmed = false;
  let asking = false;
  const closeWindow = (): void => {
    closeConfirmed = true;
    if (!win.isDestroyed()) win.close();
  };
  win.on('close', (event) => {
    // A crashed renderer cannot save: close, and its last draft is offered at the next start.
    if (closeConfirmed || !session.isDirty || win.webContents.isCrashed()) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void session
      .confirmClose()
      .then((close) => {
        if (close) closeWindow();
      })
      .finally(() => {
        asking = false;
      });
  });

  const handlers = createHandlers({
    sim,
    emit,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      contained: sim.contained(),
    }),
    desktop: {
      session,
      settings,
      exporter: new ExportWriter(fs, dialogs, () =>
        readFile(join(import.meta.dirname, '../share/player.html'), 'utf8'),
      ),
      presentation,
      closeWindow,
    },
  });
  const unregister = registerIpc(win, handlers, devServerUrl);

  const zoom = (command: ZoomCommand): void => {
    void settings.set({ zoom: nextZoom(settings.get().zoom, command) });
  };
  const setMenu = (): void => {
    const current = settings.get();
    Menu.setApplicationMenu(
      buildMenu((command) => emit('app:menu', command), {
        recentFiles: current.recentFiles,
        theme: current.theme,
        openRecent: (path) => session.offer(path, 'recent'),
        clearRecent: () => {
          void settings.clearRecent();
          app.clearRecentDocuments();
        },
        exportAs: (kind) => emit('file:exportRequest', kind),
        setTheme: (theme) => void settings.set({ theme }),
        zoom,
      }),
    );
  };
  setMenu();

  const applyZoom = (): void => {
    if (!win.isDestroyed()) win.webContents.setZoomFactor(settings.get().zoom);
  };
  win.webContents.on('did-finish-load', applyZoom);
  // Ctrl + mouse wheel / pinch: Electron leaves zooming to the app.
  win.webContents.on('zoom-changed', (_event, direction) => zoom(direction));

  const stopSettings = settings.subscribe((current, changed) => {
    emit('settings:changed', current);
    if (changed.includes('zoom')) applyZoom();
    if (changed.includes('theme') || changed.includes('recentFiles')) setMenu();
  });

  offerFile = (path, reason) => session.offer(path, reason);
  for (const path of early.splice(0)) session.offer(path, ownFiles.includes(path) ? 'command-line' : 'os');

  win.on('closed', () => {
    mainWindow = null;
    offerFile = null;
    stopTracking();
    stopSettings();
    session.dispose();
    unregister();
    void settings.flush();
    void sim.dispose();
  });
}

if (isFirstInstance) {
  app.on('window-all-closed', () => app.quit());
  void start();
} else {
  app.quit();
}

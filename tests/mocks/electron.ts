// Stand-in for the electron module in unit tests: Electron 42+ downloads its binary on the
// first require(), which must never happen outside the app. Only what tests touch is here.
import { vi } from 'vitest';

export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
export const app = {
  enableSandbox: vi.fn(),
  isPackaged: false,
  getName: () => 'Loopscope',
  getVersion: () => '0.0.0-test',
  getPath: vi.fn((name: string) => `/tmp/loopscope-mock/${name}`),
  on: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  addRecentDocument: vi.fn(),
  clearRecentDocuments: vi.fn(),
  quit: vi.fn(),
  getAppMetrics: vi.fn((): unknown[] => []),
};
export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async () => ({ response: 2, checkboxChecked: false })),
};
export const screen = {
  getAllDisplays: vi.fn(() => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
  getDisplayMatching: vi.fn(() => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
};
export const webUtils = { getPathForFile: vi.fn(() => '') };
export const shell = { openExternal: vi.fn(async () => undefined) };
/** A session's surface as main/engine-window/engine-window.ts prepares it. */
function fakeSession() {
  return {
    protocol: { handle: vi.fn() },
    webRequest: { onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    on: vi.fn(),
  };
}
const partitions = new Map<string, ReturnType<typeof fakeSession>>();
export const session = {
  defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
  fromPartition: vi.fn((name: string) => {
    if (!partitions.has(name)) partitions.set(name, fakeSession());
    return partitions.get(name)!;
  }),
};
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const net = { fetch: vi.fn() };
export const utilityProcess = { fork: vi.fn() };
/** Emits what tests say happened (did-finish-load, render-process-gone, ...). */
class Emitter {
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: (...args: unknown[]) => void): this {
    const wrapped = (...args: unknown[]): void => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class MessagePortMain extends Emitter {
  readonly postMessage = vi.fn();
  readonly start = vi.fn();
  readonly close = vi.fn();
}
export class MessageChannelMain {
  static created: MessageChannelMain[] = [];
  readonly port1 = new MessagePortMain();
  readonly port2 = new MessagePortMain();
  constructor() {
    MessageChannelMain.created.push(this);
  }
}

class WebContents extends Emitter {
  readonly postMessage = vi.fn();
  readonly setWindowOpenHandler = vi.fn();
  readonly getOSProcessId = vi.fn(() => 4321);
}
export class BrowserWindow extends Emitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  readonly loadURL = vi.fn(async () => undefined);
  private destroyed = false;
  constructor(readonly options: unknown = {}) {
    super();
    BrowserWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export default {
  ipcMain,
  app,
  dialog,
  screen,
  webUtils,
  shell,
  session,
  protocol,
  net,
  utilityProcess,
  BrowserWindow,
  MessageChannelMain,
  Menu,
};

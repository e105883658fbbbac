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
export const session = {
  defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
};
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const net = { fetch: vi.fn() };
export const utilityProcess = { fork: vi.fn() };
export class BrowserWindow {}
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
  Menu,
};

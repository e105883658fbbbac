// Stand-in for the electron module in unit tests: Electron 42+ downloads its binary on the
// first require(), which must never happen outside the app. Only what tests touch is here.
import { vi } from 'vitest';

export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
export const app = { enableSandbox: vi.fn(), isPackaged: false, getName: () => 'Loopscope', getVersion: () => '0.0.0-test', on: vi.fn() };
export const shell = { openExternal: vi.fn(async () => undefined) };
export const session = {
  defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
};
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const net = { fetch: vi.fn() };
export const utilityProcess = { fork: vi.fn() };
export class BrowserWindow {}
export const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
export default { ipcMain, app, shell, session, protocol, net, utilityProcess, BrowserWindow, Menu };

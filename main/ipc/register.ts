// Wires the Electron-free handlers to ipcMain. Every call is checked to come from the main
// frame of the window the handlers belong to (checklist item 17) before its payload is read.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type EventChannel } from './channels';
import type { Handlers } from './handlers';
import { isAppUrl } from '../security';

export function senderIsWindow(
  event: IpcMainInvokeEvent,
  win: BrowserWindow,
  devServerUrl: string | undefined,
): boolean {
  const frame = event.senderFrame;
  if (!frame || win.isDestroyed()) return false;
  return frame === win.webContents.mainFrame && isAppUrl(frame.url, devServerUrl);
}

export function registerIpc(
  win: BrowserWindow,
  handlers: Handlers,
  devServerUrl: string | undefined,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!senderIsWindow(event, win, devServerUrl)) {
        return { ok: false, error: `${channel}: refused a message from an unknown frame` };
      }
      return handlers.invoke(channel, payload);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

export function sendToWindow(win: BrowserWindow, channel: EventChannel, payload: unknown): void {
  if (!win.isDestroyed()) win.webContents.send(channel, payload);
}

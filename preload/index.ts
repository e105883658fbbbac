// Sandboxed preload: exposes window.loopscope and nothing else. Never exposes ipcRenderer,
// and listeners get the payload only, never the IpcRendererEvent (it leaks `sender`).
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api';

const api = createApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(channel, listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('loopscope', api);

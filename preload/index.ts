// Sandboxed preload: exposes window.loopscope and nothing else. Never exposes ipcRenderer,
// and listeners get the payload only, never the IpcRendererEvent (it leaks `sender`).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
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
  // A dropped file's path is read here, in the preload: the page never sees it as a path it can send.
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('loopscope', api);

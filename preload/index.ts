// Sandboxed preload: exposes window.loopscope and nothing else. Never exposes ipcRenderer,
// and listeners get the payload only, never the IpcRendererEvent (it leaks `sender`).
// The one other thing that crosses: each trace port main sends (the engine page posts finished
// traces there, engine/chromium/trace-delivery.ts), handed to the page's world as a bare
// MessagePort through window.postMessage, as the engine window's preload does.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { TRACE_PORT_CHANNEL, TRACE_PORT_MESSAGE } from '../engine/chromium/port';
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

ipcRenderer.on(TRACE_PORT_CHANNEL, (event) => {
  const [port] = event.ports;
  if (port) window.postMessage(TRACE_PORT_MESSAGE, window.location.origin, [port]);
});

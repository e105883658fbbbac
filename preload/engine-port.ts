// The engine window's preload: no API at all. Main sends it one end of a MessageChannelMain per
// engine session (and, in the app, one end of that session's trace channel to the UI), and it
// hands those ports to the page's own world (contextIsolation keeps this script's world apart),
// where engine/chromium/page.ts takes them. Nothing else crosses.
import { ipcRenderer } from 'electron';
import { ENGINE_PORT_CHANNEL, ENGINE_PORT_MESSAGE } from '../engine/chromium/port';

ipcRenderer.on(ENGINE_PORT_CHANNEL, (event) => {
  const [port, tracePort] = event.ports;
  if (port)
    window.postMessage(ENGINE_PORT_MESSAGE, window.location.origin, tracePort ? [port, tracePort] : [port]);
});

// The engine window's preload: no API at all. Main sends it one end of a MessageChannelMain per
// engine session, and it hands that port to the page's own world (contextIsolation keeps this
// script's world apart), where engine/chromium/page.ts takes it. Nothing else crosses.
import { ipcRenderer } from 'electron';
import { ENGINE_PORT_CHANNEL, ENGINE_PORT_MESSAGE } from '../engine/chromium/port';

ipcRenderer.on(ENGINE_PORT_CHANNEL, (event) => {
  const [port] = event.ports;
  if (port) window.postMessage(ENGINE_PORT_MESSAGE, window.location.origin, [port]);
});

// The application menu: File, Edit, View, Help with the platform's standard roles. Commands
// that the renderer carries out are sent to it as MenuCommand names on app:menu.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/loopscope';
import { openExternalSafely } from './security';

export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        cmd('New', 'file:new', 'CmdOrCtrl+N'),
        cmd('Open…', 'file:open', 'CmdOrCtrl+O'),
        cmd('Save', 'file:save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'file:saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        cmd('Presentation Mode', 'view:presentation', 'F5'),
        cmd('Show Loop Internals', 'view:internals', 'CmdOrCtrl+I'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      role: 'help',
      submenu: [
        cmd('About Loopscope', 'help:about'),
        { label: 'asyncio documentation', click: () => openExternalSafely('https://docs.python.org/3/library/asyncio.html') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

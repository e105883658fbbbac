// The application menu: File, Edit, View, Help with the platform's standard roles. Commands
// that the renderer carries out are sent to it as MenuCommand names on app:menu; File > Open
// Recent, File > Export, View > Theme and View > Zoom are carried out by main (desktop).
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { ExportKind, MenuCommand, Theme } from '../common/apiTypes';
import { openExternalSafely } from './security';
import type { ZoomCommand } from './settings/zoom';

export interface MenuDesktop {
  recentFiles: readonly string[];
  theme: Theme;
  openRecent(path: string): void;
  clearRecent(): void;
  exportAs(kind: ExportKind): void;
  setTheme(theme: Theme): void;
  zoom(command: ZoomCommand): void;
}

const THEMES: [Theme, string][] = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['high-contrast', 'High Contrast'],
];

const EXPORTS: [ExportKind, string][] = [
  ['timeline-png', 'Timeline as PNG…'],
  ['timeline-svg', 'Timeline as SVG…'],
  ['stage-png', 'Stage at This Step as PNG…'],
  ['trace-json', 'Trace as JSON…'],
  ['steps-md', 'Step Table as Markdown…'],
  ['player-html', 'Player (HTML)…'],
];

export function buildMenu(send: (command: MenuCommand) => void, desktop?: MenuDesktop): Menu {
  const isMac = process.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const recent: MenuItemConstructorOptions[] = desktop
    ? [
        {
          label: 'Open Recent',
          submenu: [
            ...desktop.recentFiles.map((path) => ({
              // `&` would become an access key on Windows and Linux.
              label: basename(path).replaceAll('&', '&&'),
              toolTip: path,
              click: () => desktop.openRecent(path),
            })),
            ...(desktop.recentFiles.length > 0 ? [{ type: 'separator' } as MenuItemConstructorOptions] : []),
            {
              label: 'Clear Recent',
              enabled: desktop.recentFiles.length > 0,
              click: () => desktop.clearRecent(),
            },
          ],
        },
      ]
    : [];
  const exports: MenuItemConstructorOptions[] = desktop
    ? [
        { type: 'separator' },
        {
          label: 'Export',
          submenu: [
            ...EXPORTS.map(([kind, label]) => ({ label, click: () => desktop.exportAs(kind) })),
            // Asks for a range, size and speed in the window first: the renderer's dialog.
            { label: 'Animation (GIF or WebM)…', click: () => send('file:exportAnimation') },
          ],
        },
      ]
    : [];
  // Custom zoom items (same accelerators and steps as the roles) so the factor can be saved.
  const zoom: MenuItemConstructorOptions[] = desktop
    ? [
        { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', click: () => desktop.zoom('reset') },
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+Plus', click: () => desktop.zoom('in') },
        // Ctrl+= is where + lives without Shift on most layouts; hidden alias.
        {
          label: 'Zoom In',
          accelerator: 'CmdOrCtrl+=',
          visible: false,
          acceleratorWorksWhenHidden: true,
          click: () => desktop.zoom('in'),
        },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: () => desktop.zoom('out') },
      ]
    : [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }];
  const theme: MenuItemConstructorOptions[] = desktop
    ? [
        {
          label: 'Theme',
          submenu: THEMES.map(([value, label]) => ({
            label,
            type: 'radio',
            checked: desktop.theme === value,
            click: () => desktop.setTheme(value),
          })),
        },
      ]
    : [];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        cmd('New', 'file:new', 'CmdOrCtrl+N'),
        cmd('Open…', 'file:open', 'CmdOrCtrl+O'),
        ...recent,
        cmd('Save', 'file:save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'file:saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd('New Lesson from This Program', 'file:lessonFromProgram'),
        ...exports,
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
        cmd('CPython Task Names', 'view:cpythonNames'),
        cmd('Settings…', 'view:settings', 'CmdOrCtrl+,'),
        cmd('Compare Side by Side…', 'view:compare'),
        ...theme,
        { type: 'separator' },
        ...zoom,
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      role: 'help',
      submenu: [
        cmd('Lessons…', 'view:lessons', 'F1'),
        { type: 'separator' },
        cmd('About Loopscope', 'help:about'),
        {
          label: 'asyncio documentation',
          click: () => openExternalSafely('https://docs.python.org/3/library/asyncio.html'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

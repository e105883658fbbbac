// Restores the window where it was (on a display that still exists) and saves its bounds as
// it moves, debounced. Bounds are the *normal* ones: a maximized or full-screen window
// remembers the size it returns to. Presentation mode's full screen is never saved.
import { screen, type BrowserWindow } from 'electron';
import type { SettingsStore } from './store';
import { restorableBounds } from './bounds';

/** Moves and resizes fire many times a second while dragging. */
const SAVE_DELAY_MS = 500;

export function restoreWindowBounds(win: BrowserWindow, settings: SettingsStore): void {
  const bounds = restorableBounds(
    settings.get().windowBounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  if (bounds === null) return;
  win.setBounds({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height });
  // maximize() would show the window at once; wait until its content is ready, as window.ts does.
  if (bounds.maximized) win.once('ready-to-show', () => win.maximize());
}

export function trackWindowBounds(
  win: BrowserWindow,
  settings: SettingsStore,
  presenting: () => boolean,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (win.isDestroyed() || presenting() || win.isFullScreen() || win.isMinimized()) return;
    const { x, y, width, height } = win.getNormalBounds();
    void settings.setWindowBounds({ x, y, width, height, maximized: win.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later);
  win.on('close', save);
  return () => clearTimeout(timer);
}

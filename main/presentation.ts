// Presentation mode's window half: native full screen on the display the window is on (the
// OS takes the display holding most of the window, as screen.getDisplayMatching does), and on
// leaving, the window exactly as it was: its normal bounds, maximized or not, full screen or
// not. Leaving full screen any other way (the OS, View > Toggle Full Screen) also ends it.
import type { BrowserWindow, Rectangle } from 'electron';
import type { PresentationPort } from './ipc/handlers';

interface SavedWindow {
  bounds: Rectangle;
  maximized: boolean;
  fullScreen: boolean;
}

export interface Presentation extends PresentationPort {
  isOn(): boolean;
}

export function createPresentation(win: BrowserWindow, onChange: (on: boolean) => void): Presentation {
  let saved: SavedWindow | null = null;

  const restore = (state: SavedWindow): void => {
    if (win.isDestroyed()) return;
    if (state.maximized) win.maximize();
    else win.setBounds(state.bounds);
  };

  const leave = (): void => {
    const state = saved;
    if (state === null) return;
    saved = null;
    if (!state.fullScreen && win.isFullScreen()) {
      // Full screen ends asynchronously (an animation on macOS): restore once it has.
      win.once('leave-full-screen', () => restore(state));
      win.setFullScreen(false);
    } else if (!state.fullScreen) {
      restore(state);
    }
    onChange(false);
  };

  win.on('leave-full-screen', () => {
    if (saved !== null && !saved.fullScreen) {
      const state = saved;
      saved = null;
      restore(state);
      onChange(false);
    }
  });

  return {
    isOn: () => saved !== null,
    async set(on) {
      if (win.isDestroyed() || on === (saved !== null)) return saved !== null;
      if (on) {
        saved = {
          bounds: win.getNormalBounds(),
          maximized: win.isMaximized(),
          fullScreen: win.isFullScreen(),
        };
        if (!saved.fullScreen) win.setFullScreen(true);
        win.focus();
        onChange(true);
      } else {
        leave();
      }
      return saved !== null;
    },
  };
}

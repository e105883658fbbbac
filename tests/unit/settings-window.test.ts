// Presentation mode's window half with a stand-in BrowserWindow: full screen on entering, and
// on leaving the window exactly as it was (bounds, maximized, already full screen).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createPresentation } from '../../main/presentation';

class FakeWindow extends EventEmitter {
  bounds = { x: 100, y: 80, width: 1200, height: 800 };
  maximized = false;
  fullScreen = false;
  log: string[] = [];
  isDestroyed = () => false;
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  getNormalBounds = () => ({ ...this.bounds });
  focus = () => undefined;
  maximize = () => {
    this.maximized = true;
    this.log.push('maximize');
  };
  setBounds = (b: typeof this.bounds) => {
    this.bounds = { ...b };
    this.log.push(`setBounds ${b.x},${b.y} ${b.width}x${b.height}`);
  };
  /** Like macOS: the change lands later, then the event fires. */
  setFullScreen = (on: boolean) => {
    this.log.push(`setFullScreen ${on}`);
    queueMicrotask(() => {
      this.fullScreen = on;
      if (on) {
        this.maximized = false;
        this.bounds = { x: 0, y: 0, width: 1920, height: 1080 };
      }
      this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
    });
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function present(win: FakeWindow) {
  const changes: boolean[] = [];
  const presentation = createPresentation(win as unknown as BrowserWindow, (on) => changes.push(on));
  return { presentation, changes };
}

describe('presentation mode and the window', () => {
  it('enters full screen and leaves to the same bounds', async () => {
    const win = new FakeWindow();
    const { presentation, changes } = present(win);
    expect(await presentation.set(true)).toBe(true);
    await settle();
    expect(win.fullScreen).toBe(true);
    expect(await presentation.set(false)).toBe(false);
    await settle();
    expect(win.fullScreen).toBe(false);
    expect(win.bounds).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
    expect(win.log).toEqual(['setFullScreen true', 'setFullScreen false', 'setBounds 100,80 1200x800']);
    expect(changes).toEqual([true, false]);
  });

  it('a maximized window comes back maximized', async () => {
    const win = new FakeWindow();
    win.maximized = true;
    const { presentation } = present(win);
    await presentation.set(true);
    await settle();
    await presentation.set(false);
    await settle();
    expect(win.maximized).toBe(true);
    expect(win.log.at(-1)).toBe('maximize');
  });

  it('a window that was already full screen stays full screen', async () => {
    const win = new FakeWindow();
    win.fullScreen = true;
    const { presentation, changes } = present(win);
    await presentation.set(true);
    await presentation.set(false);
    await settle();
    expect(win.fullScreen).toBe(true);
    expect(win.log).toEqual([]);
    expect(changes).toEqual([true, false]);
  });

  it('leaving full screen another way (the OS, F11) ends presentation mode and restores the window', async () => {
    const win = new FakeWindow();
    const { presentation, changes } = present(win);
    await presentation.set(true);
    await settle();
    win.setFullScreen(false);
    await settle();
    expect(presentation.isOn()).toBe(false);
    expect(changes).toEqual([true, false]);
    expect(win.bounds).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
  });

  it('asking twice is harmless', async () => {
    const win = new FakeWindow();
    const { presentation, changes } = present(win);
    await presentation.set(true);
    await presentation.set(true);
    await presentation.set(false);
    await presentation.set(false);
    await settle();
    expect(changes).toEqual([true, false]);
    expect(win.log.filter((l) => l.startsWith('setFullScreen'))).toEqual([
      'setFullScreen true',
      'setFullScreen false',
    ]);
  });
});

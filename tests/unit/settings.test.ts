import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeFileSystem } from '../../main/files/node-fs';
import type { FileSystemPort } from '../../main/files/ports';
import { restorableBounds } from '../../main/settings/bounds';
import { DEFAULT_SETTINGS, parseSettings, settingsPatchSchema } from '../../main/settings/schema';
import { CORRUPT_SETTINGS_FILE, SettingsStore } from '../../main/settings/store';
import { nextZoom } from '../../main/settings/zoom';
import { tempDir, type TempDir } from './support/desktop-fakes';

let tmp: TempDir;
const fs = createNodeFileSystem();
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const saved = (): Record<string, unknown> => JSON.parse(readFileSync(tmp.path('settings.json'), 'utf8'));

describe('settings schema', () => {
  it('an empty object is the defaults, with nothing to report', () => {
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('a bad field is reset alone and named; good fields are kept; unknown keys are dropped', () => {
    expect(parseSettings({ version: 1, theme: 'purple', speed: 2, zoom: 99, extra: true })).toEqual({
      settings: { ...DEFAULT_SETTINGS, speed: 2 },
      problems: [
        '“theme” was "purple"; reset to "dark"',
        '“zoom” was 99; reset to 1',
        'unknown setting “extra” removed',
      ],
    });
  });

  it('something that is not an object is the defaults', () => {
    expect(parseSettings([1, 2]).settings).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null).problems).toEqual(['the settings file did not hold settings']);
  });
});

describe('the settings store', () => {
  it('no file: the defaults, no notice, nothing written until something changes', async () => {
    const store = await SettingsStore.load(fs, tmp.dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.startNotices(() => undefined)).toEqual([]);
    expect(existsSync(tmp.path('settings.json'))).toBe(false);
  });

  it('a change is validated, saved and announced; a second load reads it back', async () => {
    const store = await SettingsStore.load(fs, tmp.dir);
    const listener = vi.fn();
    store.subscribe(listener);
    await store.set({ theme: 'high-contrast', speed: 2.5 });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ theme: 'high-contrast', speed: 2.5 }), [
      'theme',
      'speed',
    ]);
    expect(saved()).toMatchObject({ version: 1, theme: 'high-contrast', speed: 2.5 });
    expect((await SettingsStore.load(fs, tmp.dir)).get()).toMatchObject({
      theme: 'high-contrast',
      speed: 2.5,
    });
  });

  it('an unchanged value is not written or announced again', async () => {
    const store = await SettingsStore.load(fs, tmp.dir);
    const listener = vi.fn();
    store.subscribe(listener);
    await store.set({ theme: 'dark' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('the renderer cannot set window bounds, recent files or values out of range', async () => {
    const store = await SettingsStore.load(fs, tmp.dir);
    await expect(store.set({ recentFiles: ['/etc/passwd'] } as never)).rejects.toThrow();
    await expect(store.set({ zoom: 50 })).rejects.toThrow();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('a corrupt file is set aside, reset to the defaults with a notice, never a crash', async () => {
    writeFileSync(tmp.path('settings.json'), '{"theme": "light", oops');
    const store = await SettingsStore.load(fs, tmp.dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.startNotices(() => undefined)).toEqual([
      `Your settings file was damaged and has been reset to the defaults (the old file was kept as ${CORRUPT_SETTINGS_FILE}).`,
    ]);
    expect(readFileSync(tmp.path(CORRUPT_SETTINGS_FILE), 'utf8')).toBe('{"theme": "light", oops');
    expect(saved()).toMatchObject({ version: 1, theme: 'dark' });
  });

  it('unknown or invalid settings are reset with one notice naming them, and the repair is saved', async () => {
    writeFileSync(
      tmp.path('settings.json'),
      JSON.stringify({ version: 1, theme: 'light', motion: 'warp', colour: 'red' }),
    );
    const store = await SettingsStore.load(fs, tmp.dir);
    expect(store.get()).toMatchObject({ theme: 'light', motion: 'system' });
    expect(store.startNotices(() => undefined)).toEqual([
      'Some settings could not be used and were reset: “motion” was "warp"; reset to "system"; unknown setting “colour” removed.',
    ]);
    expect(saved()).toEqual({ ...DEFAULT_SETTINGS, version: 1, theme: 'light' });
  });

  it('each notice is handed out once; later ones go straight to the listener', async () => {
    const failing: FileSystemPort = {
      ...fs,
      writeFileAtomic: async () => Promise.reject(Object.assign(new Error('x'), { code: 'EROFS' })),
    };
    const store = await SettingsStore.load(failing, tmp.dir);
    const later = vi.fn();
    expect(store.startNotices(later)).toEqual([]);
    await store.set({ internals: true });
    expect(later).toHaveBeenCalledWith('Your settings could not be saved (EROFS).');
    expect(store.get().internals).toBe(true);
  });

  it('an unreadable settings file (not missing) starts on defaults with a notice', async () => {
    mkdirSync(tmp.path('settings.json'));
    const store = await SettingsStore.load(fs, tmp.dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.startNotices(() => undefined)).toEqual([
      'Your settings could not be read (EISDIR), so the defaults are in use.',
    ]);
  });

  it('recent files: newest first, no duplicates, at most ten', async () => {
    const store = await SettingsStore.load(fs, tmp.dir);
    for (let i = 0; i < 12; i++) await store.addRecent(`/p/${i}.py`);
    await store.addRecent('/p/5.py');
    expect(store.get().recentFiles).toEqual([
      '/p/5.py',
      '/p/11.py',
      '/p/10.py',
      '/p/9.py',
      '/p/8.py',
      '/p/7.py',
      '/p/6.py',
      '/p/4.py',
      '/p/3.py',
      '/p/2.py',
    ]);
    await store.clearRecent();
    expect(store.get().recentFiles).toEqual([]);
  });
});

describe('window bounds', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 900 };
  const projector = { x: 1440, y: 0, width: 1920, height: 1080 };

  it('bounds on a display that still exists are restored', () => {
    const bounds = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(restorableBounds(bounds, [laptop, projector])).toEqual(bounds);
  });

  it('bounds on a display that was unplugged are not', () => {
    expect(
      restorableBounds({ x: 1600, y: 100, width: 1200, height: 800, maximized: true }, [laptop]),
    ).toBeNull();
  });

  it('a window with only a sliver on screen is not restored there', () => {
    expect(
      restorableBounds({ x: 1400, y: 880, width: 800, height: 600, maximized: false }, [laptop]),
    ).toBeNull();
  });
});

describe('zoom', () => {
  it('steps like Chromium’s zoom roles (level ± 0.5) and stays in range', () => {
    expect(nextZoom(1, 'in')).toBe(1.095);
    expect(nextZoom(nextZoom(1, 'in'), 'out')).toBe(1);
    expect(nextZoom(1, 'out')).toBe(0.913);
    expect(nextZoom(2.9, 'in')).toBe(3);
    expect(nextZoom(0.5, 'out')).toBe(0.5);
    expect(nextZoom(1.728, 'reset')).toBe(1);
  });
});

describe('the engine budgets in settings', () => {
  it('default to the host defaults and take whole numbers in range from the renderer', () => {
    expect(DEFAULT_SETTINGS.wallBudgetSeconds).toBe(120);
    expect(DEFAULT_SETTINGS.memoryCapMb).toBe(4096);
    expect(settingsPatchSchema.safeParse({ wallBudgetSeconds: 600, memoryCapMb: 8192 }).success).toBe(true);
    for (const bad of [
      { wallBudgetSeconds: 0 },
      { wallBudgetSeconds: 1.5 },
      { memoryCapMb: 100 },
      { memoryCapMb: 1e9 },
    ])
      expect(settingsPatchSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('a bad value in the file is reset to its default with a notice', () => {
    const { settings, problems } = parseSettings({ wallBudgetSeconds: -1, memoryCapMb: 2048 });
    expect(settings.wallBudgetSeconds).toBe(120);
    expect(settings.memoryCapMb).toBe(2048);
    expect(problems).toEqual(['“wallBudgetSeconds” was -1; reset to 120']);
  });
});

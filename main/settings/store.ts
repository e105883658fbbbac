// Settings kept as JSON in the user-data folder. Loading never fails: a corrupt file is set
// aside (settings.corrupt.json) and replaced by defaults, bad fields are reset one by one, and
// every such repair becomes a notice for the renderer. Writes are atomic and serialized.
import { join } from 'node:path';
import type { Settings, SettingsPatch, WindowBounds } from '../../common/apiTypes';
import { errorCode, type FileSystemPort } from '../files/ports';
import { addRecent, removeRecent } from '../files/recent';
import { defaultSettings, parseSettings, serializeSettings, settingsPatchSchema } from './schema';

export const SETTINGS_FILE = 'settings.json';
export const CORRUPT_SETTINGS_FILE = 'settings.corrupt.json';

type Listener = (settings: Settings, changed: (keyof Settings)[]) => void;

export class SettingsStore {
  private current: Settings;
  private notices: string[];
  private readonly listeners = new Set<Listener>();
  private writing: Promise<void> = Promise.resolve();
  private noticeListener: ((message: string) => void) | null = null;
  readonly file: string;

  private constructor(
    private readonly fs: FileSystemPort,
    private readonly dir: string,
    settings: Settings,
    notices: string[],
  ) {
    this.file = join(dir, SETTINGS_FILE);
    this.current = settings;
    this.notices = notices;
  }

  /** Reads dir/settings.json, repairing what it must; the repairs are written back at once. */
  static async load(fs: FileSystemPort, dir: string): Promise<SettingsStore> {
    const file = join(dir, SETTINGS_FILE);
    let text: string | null = null;
    try {
      text = new TextDecoder().decode(await fs.readFile(file));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        const store = new SettingsStore(fs, dir, defaultSettings(), [
          `Your settings could not be read (${errorCode(error) ?? 'error'}), so the defaults are in use.`,
        ]);
        return store;
      }
    }
    if (text === null) return new SettingsStore(fs, dir, defaultSettings(), []);

    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      const store = new SettingsStore(fs, dir, defaultSettings(), [
        `Your settings file was damaged and has been reset to the defaults (the old file was kept as ${CORRUPT_SETTINGS_FILE}).`,
      ]);
      await fs.writeFileAtomic(join(dir, CORRUPT_SETTINGS_FILE), text).catch(() => undefined);
      await store.persist();
      return store;
    }
    const { settings, problems } = parseSettings(raw);
    const notices =
      problems.length === 0
        ? []
        : [`Some settings could not be used and were reset: ${problems.join('; ')}.`];
    const store = new SettingsStore(fs, dir, settings, notices);
    if (problems.length > 0) await store.persist();
    return store;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Hands out the notices not yet shown and sends later ones straight to `listener`. */
  startNotices(listener: (message: string) => void): string[] {
    const notices = this.notices;
    this.notices = [];
    this.noticeListener = listener;
    return notices;
  }

  private notice(message: string): void {
    if (this.noticeListener) this.noticeListener(message);
    else this.notices.push(message);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A change from the renderer: validated against the patch schema (throws a readable message). */
  async set(patch: SettingsPatch): Promise<Settings> {
    return this.apply(settingsPatchSchema.parse(patch));
  }

  async setWindowBounds(bounds: WindowBounds | null): Promise<void> {
    await this.apply({ windowBounds: bounds });
  }

  async addRecent(path: string): Promise<void> {
    await this.apply({ recentFiles: addRecent(this.current.recentFiles, path) });
  }

  async removeRecent(path: string): Promise<void> {
    await this.apply({ recentFiles: removeRecent(this.current.recentFiles, path) });
  }

  async clearRecent(): Promise<void> {
    await this.apply({ recentFiles: [] });
  }

  /** Resolves when every write so far has reached the disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private async apply(patch: Partial<Settings>): Promise<Settings> {
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
      (key) => JSON.stringify(patch[key]) !== JSON.stringify(this.current[key]),
    );
    if (changed.length === 0) return this.get();
    this.current = { ...this.current, ...structuredClone(patch) };
    await this.persist();
    const snapshot = this.get();
    for (const listener of this.listeners) listener(snapshot, changed);
    return snapshot;
  }

  private persist(): Promise<void> {
    const text = serializeSettings(this.current);
    // Serialized so an older write never lands after a newer one; a failed write is reported
    // once as a notice and does not stop later writes.
    this.writing = this.writing
      .then(async () => {
        await this.fs.mkdirp(this.dir);
        await this.fs.writeFileAtomic(this.file, text);
      })
      .catch((error: unknown) => {
        this.notice(`Your settings could not be saved (${errorCode(error) ?? String(error)}).`);
      });
    return this.writing;
  }
}

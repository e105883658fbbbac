// The open document of a window, as main sees it: which file it is, whether the renderer has
// unsaved edits, what to watch on disk, which paths the renderer may open by name. The
// renderer owns the text; main owns the path, so a renderer can never name a file to write.
import { basename, isAbsolute, resolve } from 'node:path';
import { withExtension } from './paths';
import type {
  Draft,
  FileChange,
  OpenedFile,
  OpenRequest,
  SavedFile,
  SaveRequest,
} from '../../common/apiTypes';
import type { DraftStore } from './drafts';
import type { DialogPort, FileStat, FileSystemPort } from './ports';
import { isRecent } from './recent';
import { describeFsError, FileProblem, readTextFile } from './text-file';

export const UNTITLED = 'untitled.py';
export const PYTHON_FILTERS = [
  { name: 'Python programs', extensions: ['py', 'pyw'] },
  { name: 'All files', extensions: ['*'] },
];

export interface SessionEvents {
  (channel: 'file:openRequest', payload: OpenRequest): void;
  (channel: 'file:changed', payload: FileChange): void;
  (channel: 'file:saveRequest', payload: SaveRequest): void;
}

export interface RecentFiles {
  list(): string[];
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface SessionDeps {
  fs: FileSystemPort;
  dialog: DialogPort;
  drafts: DraftStore;
  recent: RecentFiles;
  emit: SessionEvents;
  /** The title and the edited mark follow this (window title, macOS proxy icon). */
  onStateChange?: (state: { path: string | null; name: string; dirty: boolean }) => void;
  platform?: string;
}

export class DocumentSession {
  private path: string | null = null;
  private dirty = false;
  private known: { mtimeMs: number; size: number } | null = null;
  private stopWatching: (() => void) | null = null;
  private readonly offered = new Set<string>();
  private pending: OpenRequest[] = [];
  private ready = false;
  private startupDraft: Draft | null = null;

  constructor(private readonly deps: SessionDeps) {}

  get name(): string {
    return this.path ? basename(this.path) : UNTITLED;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  get currentPath(): string | null {
    return this.path;
  }

  // ---- offers from outside the renderer (Open Recent, command line, OS) ----

  /** A file main wants the renderer to open; before the renderer is ready it waits for startup. */
  offer(path: string, reason: OpenRequest['reason']): void {
    const full = resolve(path);
    this.offered.add(full);
    const request: OpenRequest = { path: full, name: basename(full), reason };
    if (this.ready) this.deps.emit('file:openRequest', request);
    else this.pending.push(request);
  }

  /** Called by app:startup: the renderer listens from now on. */
  async startup(): Promise<{ draft: Draft | null; openRequests: OpenRequest[] }> {
    this.ready = true;
    const openRequests = this.pending;
    this.pending = [];
    this.startupDraft = await this.deps.drafts.load();
    return { draft: this.startupDraft, openRequests };
  }

  // ---- commands from the renderer ----

  async newFile(): Promise<void> {
    this.adopt(null, null);
    await this.deps.drafts.clear();
  }

  async open(): Promise<OpenedFile | null> {
    const path = await this.deps.dialog.openPython();
    return path === null ? null : this.load(path);
  }

  /**
   * Shows the Open dialog and reads the chosen program without making it the document: the
   * compare view's programs are not opened in the editor, watched or listed as recent.
   */
  async pickToCompare(): Promise<OpenedFile | null> {
    const path = await this.deps.dialog.openPython();
    if (path === null) return null;
    const { text } = await readTextFile(this.deps.fs, path);
    return { path, name: basename(path), text };
  }

  /** Only paths main offered or listed under Open Recent: a renderer cannot read any file by name. */
  async openPath(path: string): Promise<OpenedFile> {
    const full = resolve(path);
    if (!this.offered.has(full) && !isRecent(this.deps.recent.list(), full, this.deps.platform)) {
      throw new FileProblem(`“${basename(full)}” was not offered by Loopscope; open it with File > Open.`);
    }
    try {
      return await this.load(full);
    } catch (error) {
      if (error instanceof FileProblem && /does not exist/.test(error.message))
        await this.deps.recent.remove(full);
      throw error;
    }
  }

  /** A path the preload took from a dropped File (webUtils.getPathForFile). */
  async openDropped(path: string): Promise<OpenedFile> {
    if (path === '' || !isAbsolute(path))
      throw new FileProblem('Only files from your disk can be dropped here.');
    return this.load(path);
  }

  async save(text: string): Promise<SavedFile | null> {
    if (this.path === null) return this.saveAs(text);
    return this.writeTo(this.path, text);
  }

  async saveAs(text: string): Promise<SavedFile | null> {
    const chosen = await this.deps.dialog.savePath({
      title: 'Save program',
      defaultName: this.name,
      defaultDir: this.path === null ? null : resolve(this.path, '..'),
      filters: PYTHON_FILTERS,
    });
    if (chosen === null) return null;
    return this.writeTo(resolve(await withExtension(this.deps.fs, chosen, 'py')), text);
  }

  async reload(): Promise<OpenedFile> {
    if (this.path === null)
      throw new FileProblem('This program has not been saved to a file, so there is nothing to reload.');
    return this.load(this.path);
  }

  setDirty(dirty: boolean): void {
    if (dirty === this.dirty) return;
    this.dirty = dirty;
    this.notify();
  }

  async saveDraft(text: string): Promise<void> {
    await this.deps.drafts.save(text, this.path, this.name);
  }

  /** The renderer takes the draft it was offered: it becomes the open (dirty) document. */
  async restoreDraft(): Promise<OpenedFile | null> {
    const draft = this.startupDraft ?? (await this.deps.drafts.load());
    this.startupDraft = null;
    if (draft === null) return null;
    this.adopt(draft.path, null);
    if (draft.path !== null) await this.rememberDiskState(draft.path).catch(() => undefined);
    this.dirty = true;
    this.notify();
    return { path: draft.path, name: draft.path ? basename(draft.path) : draft.name, text: draft.text };
  }

  async discardDraft(): Promise<void> {
    this.startupDraft = null;
    await this.deps.drafts.clear();
  }

  // ---- closing ----

  /** Called when the window is about to close: true to close now, false to keep it open. */
  async confirmClose(): Promise<boolean> {
    if (!this.dirty) return true;
    const answer = await this.deps.dialog.confirmUnsaved(this.name);
    if (answer === 'discard') {
      await this.deps.drafts.clear();
      this.dirty = false;
      this.notify();
      return true;
    }
    // The renderer holds the text: it saves, then calls app:close (or stays open if cancelled).
    if (answer === 'save') this.deps.emit('file:saveRequest', { then: 'close' });
    return false;
  }

  dispose(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  // ---- internals ----

  private async load(path: string): Promise<OpenedFile> {
    const { text, stat } = await readTextFile(this.deps.fs, path);
    this.adopt(path, stat);
    await this.deps.drafts.clear();
    await this.deps.recent.add(path);
    return { path, name: basename(path), text };
  }

  private async writeTo(path: string, text: string): Promise<SavedFile> {
    try {
      await this.deps.fs.writeFileAtomic(path, text);
    } catch (error) {
      throw new FileProblem(describeFsError(path, error, 'saved'));
    }
    const stat = await this.deps.fs.stat(path).catch(() => null);
    this.adopt(path, stat);
    await this.deps.drafts.clear();
    await this.deps.recent.add(path);
    return { path, name: basename(path) };
  }

  /** Makes `path` the document (null: untitled), clean, watched from the given disk state. */
  private adopt(path: string | null, stat: FileStat | null): void {
    this.dispose();
    this.path = path;
    this.dirty = false;
    this.known = stat ? { mtimeMs: stat.mtimeMs, size: stat.size } : null;
    if (path !== null) this.stopWatching = this.deps.fs.watch(path, () => void this.checkDisk(path));
    this.notify();
  }

  private async rememberDiskState(path: string): Promise<void> {
    const stat = await this.deps.fs.stat(path);
    this.known = { mtimeMs: stat.mtimeMs, size: stat.size };
  }

  /** Our own saves are not changes: only a disk state different from the last one we saw is. */
  private async checkDisk(path: string): Promise<void> {
    if (path !== this.path) return;
    const stat = await this.deps.fs.stat(path).catch(() => null);
    if (path !== this.path) return;
    if (stat === null) {
      if (this.known === null) return;
      this.known = null;
      this.deps.emit('file:changed', { path, name: basename(path), kind: 'deleted' });
      return;
    }
    if (this.known && stat.mtimeMs === this.known.mtimeMs && stat.size === this.known.size) return;
    this.known = { mtimeMs: stat.mtimeMs, size: stat.size };
    this.deps.emit('file:changed', { path, name: basename(path), kind: 'changed' });
  }

  private notify(): void {
    this.deps.onStateChange?.({ path: this.path, name: this.name, dirty: this.dirty });
  }
}

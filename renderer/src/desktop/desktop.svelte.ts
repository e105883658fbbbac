// The renderer half of the desktop workflow: files, unsaved edits, crash drafts, saved settings
// and theme, exports; presentation mode is its part (desktop/presentation.svelte.ts).
// app/ builds it (app/desktopWiring.ts) and routes the menu's file and presentation commands to
// it (app/menu.ts); start() subscribes to main's file, settings and presentation events.
// It sets data-theme on <html> (the saved theme; high contrast while presenting).
import { loopscope as bridgeApi } from '../bridge';
import type {
  Draft,
  ExportKind,
  FileChange,
  LoopscopeApi,
  OpenedFile,
  OpenRequest,
  Settings,
  SettingsPatch,
  Theme,
} from '../bridge';
import { listenForDrops } from './fileDrop';
import { Notices } from './notices.svelte';
import { Presentation, type ClickerTarget } from './presentation.svelte';
import { applyTheme } from './theme';

/** A crash loses at most this much typing. */
const DRAFT_INTERVAL_MS = 5000;
const UNTITLED = 'untitled.py';

export type ExportProducer = () => Promise<Uint8Array | string> | Uint8Array | string;

export interface DesktopOptions {
  /** The program text in the editor now. */
  getText(): string;
  /** Replaces the program (a file opened, New, Reload, a draft recovered); `name` is the file name. */
  setText(text: string, name: string): void;
  /** Clicker keys in presentation mode step the player. */
  player: ClickerTarget;
  exporters?: Partial<Record<ExportKind, ExportProducer>>;
  /** Asks before unsaved edits are thrown away. Default: window.confirm. */
  confirm?(message: string): boolean | Promise<boolean>;
  /** Text of a new program. Default: empty. */
  newProgram?: string;
  /** Theme while presenting; null keeps the chosen one. Default: high contrast. */
  presentationTheme?: Theme | null;
  api?: LoopscopeApi;
  root?: HTMLElement;
  draftIntervalMs?: number;
  idleCursorMs?: number;
}

export class DesktopController {
  fileName = $state(UNTITLED);
  filePath = $state<string | null>(null);
  dirty = $state(false);
  /** Unsaved edits from a session that crashed: offer recoverDraft() / discardDraft(). */
  draftOffer = $state.raw<Draft | null>(null);
  /** The open file changed on disk: offer reloadFromDisk() / keepMine(). */
  fileChange = $state.raw<FileChange | null>(null);
  settings = $state.raw<Settings | null>(null);

  private readonly api: LoopscopeApi;
  private readonly root: HTMLElement;
  private savedText = '';
  private lastDraft = '';
  private held: OpenRequest[] = [];
  readonly notices = new Notices();
  readonly presentation: Presentation;

  constructor(private readonly options: DesktopOptions) {
    this.api = options.api ?? bridgeApi;
    this.root = options.root ?? document.documentElement;
    this.presentation = new Presentation({
      api: this.api,
      root: this.root,
      clicker: options.player,
      call: (action) => this.notices.call(action),
      onChange: () => this.applyThemeNow(),
      idleCursorMs: options.idleCursorMs,
    });
  }

  /** Subscribes to main and the window; call once on mount. Returns the cleanup. */
  start(): () => void {
    const { api } = this;
    // A bridge without the desktop half (the stage specs' fake, a browser build) leaves these
    // features off instead of breaking the app's mount.
    const listen = (subscribe: () => () => void): (() => void) => {
      try {
        return subscribe();
      } catch {
        return () => undefined;
      }
    };
    const off: (() => void)[] = [
      listen(() => api.app.onPresentation((on) => this.presentation.changed(on))),
      listen(() => api.file.onOpenRequest((request) => void this.openRequested(request))),
      listen(() => api.file.onChanged((change) => (this.fileChange = change))),
      listen(() =>
        api.file.onSaveRequest(async () => {
          if (await this.save()) await this.notices.attempt(() => api.app.close());
        }),
      ),
      listen(() => api.file.onExportRequest((kind) => void this.exportAs(kind))),
      listen(() => api.settings.onChanged((settings) => this.useSettings(settings))),
      listen(() => api.settings.onNotice((text) => this.notices.add(text, 'info'))),
      this.presentation.attach(),
      listenForDrops((file) => void this.dropped(file)),
    ];
    this.savedText = this.options.getText();
    const draftTimer = setInterval(
      () => void this.keepDraft(),
      this.options.draftIntervalMs ?? DRAFT_INTERVAL_MS,
    );

    const desktopBridge = typeof api.app?.startup === 'function';
    if (!desktopBridge) this.useSettings(null);
    else
      void this.notices.call(async () => {
        const state = await api.app.startup();
        this.useSettings(state.settings);
        for (const text of state.notices) this.notices.add(text, 'info');
        this.draftOffer = state.draft;
        this.held = state.openRequests;
        if (!state.draft) await this.releaseHeld();
      });

    return () => {
      off.forEach((f) => f());
      clearInterval(draftTimer);
    };
  }

  // ---- editing ----

  /** Call from the editor on every change. */
  edited(text: string): void {
    const dirty = text !== this.savedText;
    if (dirty === this.dirty) return;
    this.dirty = dirty;
    void this.notices.call(() => this.api.file.setDirty(dirty));
  }

  // ---- files ----

  async newFile(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    if (!(await this.notices.attempt(() => this.api.file.newFile()))) return;
    this.adopt({ path: null, name: UNTITLED, text: this.options.newProgram ?? '' });
  }

  async open(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    const file = await this.notices.call(() => this.api.file.open());
    if (file) this.adopt(file);
  }

  /** Saves; resolves true when the text reached the disk. */
  async save(): Promise<boolean> {
    return this.saveWith((text) => this.api.file.save(text));
  }

  async saveAs(): Promise<boolean> {
    return this.saveWith((text) => this.api.file.saveAs(text));
  }

  async dropped(file: File): Promise<void> {
    if (!(await this.mayDiscard())) return;
    const opened = await this.notices.call(() => this.api.file.openDropped(file));
    if (opened) this.adopt(opened);
  }

  async reloadFromDisk(): Promise<void> {
    this.fileChange = null;
    const file = await this.notices.call(() => this.api.file.reload());
    if (file) this.adopt(file);
  }

  /** Keeps the editor's text although the file changed on disk; it now differs from the disk. */
  keepMine(): void {
    this.fileChange = null;
    this.savedText = '\u0000disk changed';
    this.edited(this.options.getText());
  }

  async recoverDraft(): Promise<void> {
    this.draftOffer = null;
    const file = await this.notices.call(() => this.api.file.restoreDraft());
    if (file) {
      this.adopt(file);
      this.savedText = '\u0000recovered draft';
      this.dirty = true;
      this.lastDraft = file.text;
    }
    await this.releaseHeld();
  }

  async discardDraft(): Promise<void> {
    this.draftOffer = null;
    await this.notices.attempt(() => this.api.file.discardDraft());
    await this.releaseHeld();
  }

  // ---- settings and export ----

  async setSetting(patch: SettingsPatch): Promise<void> {
    const settings = await this.notices.call(() => this.api.settings.set(patch));
    if (settings) this.useSettings(settings);
  }

  async exportAs(kind: ExportKind): Promise<void> {
    const producer = this.options.exporters?.[kind];
    if (!producer) {
      this.notices.add(`This export (${kind}) is not available yet.`, 'error');
      return;
    }
    await this.exportData(kind, producer);
  }

  /** Writes what the renderer made (after the Save dialog main shows); says where, or why not. */
  async exportData(
    kind: ExportKind,
    data: () => Promise<Uint8Array | string> | Uint8Array | string,
  ): Promise<void> {
    const path = await this.notices.call(async () =>
      this.api.file.export({ kind, data: await data(), name: this.fileName.replace(/\.pyw?$/i, '') }),
    );
    if (path) this.notices.add(`Exported to ${path}`, 'info');
  }

  // ---- internals ----

  private async saveWith(
    write: (text: string) => Promise<{ path: string; name: string } | null>,
  ): Promise<boolean> {
    const text = this.options.getText();
    const saved = await this.notices.call(() => write(text));
    if (!saved) return false;
    this.filePath = saved.path;
    this.fileName = saved.name;
    this.savedText = text;
    this.lastDraft = '';
    this.fileChange = null;
    this.dirty = false;
    // Typing during the save leaves the document dirty again.
    this.edited(this.options.getText());
    return true;
  }

  private adopt(file: OpenedFile): void {
    this.filePath = file.path;
    this.fileName = file.name;
    this.savedText = file.text;
    this.lastDraft = '';
    this.dirty = false;
    this.fileChange = null;
    this.options.setText(file.text, file.name);
  }

  private async openRequested(request: OpenRequest): Promise<void> {
    if (this.draftOffer) {
      this.held.push(request);
      return;
    }
    if (!(await this.mayDiscard())) return;
    const file = await this.notices.call(() => this.api.file.openPath(request.path));
    if (file) this.adopt(file);
  }

  private async releaseHeld(): Promise<void> {
    const held = this.held;
    this.held = [];
    // Several files at once (a multi-select "Open With"): the last one wins, like a single window should.
    const last = held.at(-1);
    if (last) await this.openRequested(last);
  }

  private async mayDiscard(): Promise<boolean> {
    if (!this.dirty) return true;
    const ask = this.options.confirm ?? ((m: string) => window.confirm(m));
    return ask(`Discard the unsaved changes to ${this.fileName}?`);
  }

  private async keepDraft(): Promise<void> {
    if (!this.dirty) return;
    const text = this.options.getText();
    if (text === this.lastDraft) return;
    this.lastDraft = text;
    await this.notices.call(() => this.api.file.saveDraft(text));
  }

  private useSettings(settings: Settings | null): void {
    this.settings = settings;
    this.applyThemeNow();
  }

  private applyThemeNow(): void {
    const chosen = this.settings?.theme ?? 'dark';
    const presentationTheme =
      this.options.presentationTheme === undefined ? 'high-contrast' : this.options.presentationTheme;
    applyTheme(this.presentation.presenting && presentationTheme ? presentationTheme : chosen, this.root);
  }
}

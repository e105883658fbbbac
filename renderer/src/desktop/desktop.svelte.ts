// The renderer half of the desktop workflow: files, unsaved edits, crash drafts, presentation
// mode (clicker keys, blank screen, idle cursor), theme and settings, exports.
//
// Usage (App.svelte):
//   import { DesktopController } from './desktop/desktop.svelte';
//   import DesktopBanners from './desktop/DesktopBanners.svelte';
//   const desktop = new DesktopController({
//     getText: () => runner.source,
//     setText: (text, name) => { runner.source = text; runner.fileName = name; void runner.run(); },
//     player: { forward: () => player.forward(), back: () => player.back(), start: () => player.toStart(), end: () => player.toEnd() },
//     exporters: { 'trace-json': () => JSON.stringify(player.trace), … },   // bytes or text per ExportKind
//   });
//   onMount(() => desktop.start());            // returns the cleanup
//   // the editor's change handler: desktop.edited(text)
//   // markup: <DesktopBanners {desktop} />   (notices, draft offer, file changed on disk)
// It subscribes to the menu itself for file:new/open/save/saveAs and view:presentation; leave
// those out of App's own menu map. While presenting it takes the keys first (capture phase):
// PageDown/→/↓/Space/Enter step forward, PageUp/←/↑/Backspace step back, Home/End, B or .
// blank the screen (any key restores), Esc leaves. It sets on <html>: data-theme,
// data-presenting (style the projector layout from it: hide the editor, scale up type),
// data-blank and data-cursor="hidden" (cursor hidden after a pause of the mouse).
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
import { presentationKey } from '../app/keymap';
import { applyTheme } from './theme';

/** A crash loses at most this much typing. */
const DRAFT_INTERVAL_MS = 5000;
/** The cursor hides after the mouse has been still this long while presenting. */
const IDLE_CURSOR_MS = 2500;
const UNTITLED = 'untitled.py';

export type ExportProducer = () => Promise<Uint8Array | string> | Uint8Array | string;

export interface DesktopOptions {
  /** The program text in the editor now. */
  getText(): string;
  /** Replaces the program (a file opened, New, Reload, a draft recovered); `name` is the file name. */
  setText(text: string, name: string): void;
  /** Clicker keys in presentation mode step the player. */
  player: { forward(): void; back(): void; start(): void; end(): void };
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

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

const STYLES = `
:root[data-cursor='hidden'], :root[data-cursor='hidden'] * { cursor: none !important; }
:root[data-blank] body::after { content: ''; position: fixed; inset: 0; background: #000; z-index: 2147483647; }
`;

export class DesktopController {
  fileName = $state(UNTITLED);
  filePath = $state<string | null>(null);
  dirty = $state(false);
  notices = $state<Notice[]>([]);
  /** Unsaved edits from a session that crashed: offer recoverDraft() / discardDraft(). */
  draftOffer = $state.raw<Draft | null>(null);
  /** The open file changed on disk: offer reloadFromDisk() / keepMine(). */
  fileChange = $state.raw<FileChange | null>(null);
  presenting = $state(false);
  blanked = $state(false);
  cursorHidden = $state(false);
  settings = $state.raw<Settings | null>(null);

  private readonly api: LoopscopeApi;
  private readonly root: HTMLElement;
  private savedText = '';
  private lastDraft = '';
  private held: OpenRequest[] = [];
  private nextNoticeId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: DesktopOptions) {
    this.api = options.api ?? bridgeApi;
    this.root = options.root ?? document.documentElement;
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
      listen(() =>
        api.app.onMenu((command) => {
          if (command === 'file:new') void this.newFile();
          else if (command === 'file:open') void this.open();
          else if (command === 'file:save') void this.save();
          else if (command === 'file:saveAs') void this.saveAs();
          else if (command === 'view:presentation') void this.enterPresentation();
        }),
      ),
      listen(() => api.app.onPresentation((on) => this.presentationChanged(on))),
      listen(() => api.file.onOpenRequest((request) => void this.openRequested(request))),
      listen(() => api.file.onChanged((change) => (this.fileChange = change))),
      listen(() =>
        api.file.onSaveRequest(async () => {
          if (await this.save()) await this.attempt(() => api.app.close());
        }),
      ),
      listen(() => api.file.onExportRequest((kind) => void this.exportAs(kind))),
      listen(() => api.settings.onChanged((settings) => this.useSettings(settings))),
      listen(() => api.settings.onNotice((text) => this.notify(text, 'info'))),
    ];
    this.savedText = this.options.getText();

    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const onKey = (e: KeyboardEvent): void => this.presentationKeydown(e);
    const onMouse = (): void => this.mouseMoved();
    const onDragOver = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent): void => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void this.dropped(file);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousemove', onMouse);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    const draftTimer = setInterval(
      () => void this.keepDraft(),
      this.options.draftIntervalMs ?? DRAFT_INTERVAL_MS,
    );

    const desktopBridge = typeof api.app?.startup === 'function';
    if (!desktopBridge) this.useSettings(null);
    else
      void this.call(async () => {
        const state = await api.app.startup();
        this.useSettings(state.settings);
        for (const text of state.notices) this.notify(text, 'info');
        this.draftOffer = state.draft;
        this.held = state.openRequests;
        if (!state.draft) await this.releaseHeld();
      });

    return () => {
      off.forEach((f) => f());
      clearInterval(draftTimer);
      clearTimeout(this.idleTimer);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousemove', onMouse);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }

  // ---- editing ----

  /** Call from the editor on every change. */
  edited(text: string): void {
    const dirty = text !== this.savedText;
    if (dirty === this.dirty) return;
    this.dirty = dirty;
    void this.call(() => this.api.file.setDirty(dirty));
  }

  // ---- files ----

  async newFile(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    if (!(await this.attempt(() => this.api.file.newFile()))) return;
    this.adopt({ path: null, name: UNTITLED, text: this.options.newProgram ?? '' });
  }

  async open(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    const file = await this.call(() => this.api.file.open());
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
    const opened = await this.call(() => this.api.file.openDropped(file));
    if (opened) this.adopt(opened);
  }

  async reloadFromDisk(): Promise<void> {
    this.fileChange = null;
    const file = await this.call(() => this.api.file.reload());
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
    const file = await this.call(() => this.api.file.restoreDraft());
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
    await this.attempt(() => this.api.file.discardDraft());
    await this.releaseHeld();
  }

  // ---- presentation ----

  async enterPresentation(): Promise<void> {
    if (this.presenting) return; // a clicker's start/stop button sends F5 again: Esc leaves
    const on = await this.call(() => this.api.app.presentation(true));
    if (on !== undefined) this.presentationChanged(on);
  }

  async leavePresentation(): Promise<void> {
    const on = await this.call(() => this.api.app.presentation(false));
    this.presentationChanged(on ?? false);
  }

  togglePresentation(): Promise<void> {
    return this.presenting ? this.leavePresentation() : this.enterPresentation();
  }

  // ---- settings and export ----

  async setSetting(patch: SettingsPatch): Promise<void> {
    const settings = await this.call(() => this.api.settings.set(patch));
    if (settings) this.useSettings(settings);
  }

  async exportAs(kind: ExportKind): Promise<void> {
    const producer = this.options.exporters?.[kind];
    if (!producer) {
      this.notify(`This export (${kind}) is not available yet.`, 'error');
      return;
    }
    await this.exportData(kind, producer);
  }

  /** Writes what the renderer made (after the Save dialog main shows); says where, or why not. */
  async exportData(
    kind: ExportKind,
    data: () => Promise<Uint8Array | string> | Uint8Array | string,
  ): Promise<void> {
    const path = await this.call(async () =>
      this.api.file.export({ kind, data: await data(), name: this.fileName.replace(/\.pyw?$/i, '') }),
    );
    if (path) this.notify(`Exported to ${path}`, 'info');
  }

  dismissNotice(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  // ---- internals ----

  private async saveWith(
    write: (text: string) => Promise<{ path: string; name: string } | null>,
  ): Promise<boolean> {
    const text = this.options.getText();
    const saved = await this.call(() => write(text));
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
    const file = await this.call(() => this.api.file.openPath(request.path));
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
    await this.call(() => this.api.file.saveDraft(text));
  }

  private useSettings(settings: Settings | null): void {
    this.settings = settings;
    this.applyThemeNow();
  }

  private applyThemeNow(): void {
    const chosen = this.settings?.theme ?? 'dark';
    const presentationTheme =
      this.options.presentationTheme === undefined ? 'high-contrast' : this.options.presentationTheme;
    applyTheme(this.presenting && presentationTheme ? presentationTheme : chosen, this.root);
  }

  private presentationChanged(on: boolean): void {
    this.presenting = on;
    // A clicker's keys must step the player, not move the caret in a focused editor.
    if (on && document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (on) this.root.dataset['presenting'] = '';
    else delete this.root.dataset['presenting'];
    if (!on) this.setBlank(false);
    this.applyThemeNow();
    this.mouseMoved();
  }

  private presentationKeydown(e: KeyboardEvent): void {
    if (!this.presenting) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const action = presentationKey(e, this.blanked);
    if (action === null) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const { player } = this.options;
    switch (action) {
      case 'next':
        return player.forward();
      case 'prev':
        return player.back();
      case 'first':
        return player.start();
      case 'last':
        return player.end();
      case 'blank':
        return this.setBlank(true);
      case 'unblank':
        return this.setBlank(false);
      case 'leave':
        void this.leavePresentation();
        return;
      case 'swallow':
        return;
    }
  }

  private setBlank(on: boolean): void {
    this.blanked = on;
    if (on) this.root.dataset['blank'] = '';
    else delete this.root.dataset['blank'];
  }

  private mouseMoved(): void {
    clearTimeout(this.idleTimer);
    if (this.cursorHidden) {
      this.cursorHidden = false;
      delete this.root.dataset['cursor'];
    }
    if (!this.presenting) return;
    this.idleTimer = setTimeout(() => {
      this.cursorHidden = true;
      this.root.dataset['cursor'] = 'hidden';
    }, this.options.idleCursorMs ?? IDLE_CURSOR_MS);
  }

  notify(text: string, kind: Notice['kind']): void {
    this.notices = [...this.notices, { id: this.nextNoticeId++, kind, text }];
  }

  /** Like call, for calls without a value: resolves true when it succeeded. */
  private async attempt(action: () => Promise<void>): Promise<boolean> {
    return (await this.call(async () => (await action(), true))) === true;
  }

  /** Runs an API call; a rejection becomes an error notice and resolves to undefined. */
  private async call<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.notify(error instanceof Error ? error.message : String(error), 'error');
      return undefined;
    }
  }
}

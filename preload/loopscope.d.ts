// The one API the renderer sees: window.loopscope. The preload implements it with one
// function per IPC message; the renderer reads it only through renderer/src/bridge.ts.
// Every call rejects with an Error whose message is fit to show a person.

import type { Trace, TraceReceipt } from '../common/trace';
import type {
  AppInfo,
  ExportKind,
  ExportRequest,
  FileChange,
  MenuCommand,
  OpenRequest,
  OpenedFile,
  RunRequest,
  SaveRequest,
  SavedFile,
  Settings,
  SettingsPatch,
  SimProgress,
  StartupState,
} from '../common/apiTypes';

export interface LoopscopeApi {
  sim: {
    /**
     * The trace, or a receipt for it: the app's engine sends traces over a MessagePort the
     * preload posts to the window (TRACE_PORT_MESSAGE, engine/chromium/port.ts).
     */
    run(request: RunRequest): Promise<Trace | TraceReceipt>;
    cancel(): Promise<void>;
    onProgress(listener: (progress: SimProgress) => void): () => void;
  };
  app: {
    info(): Promise<AppInfo>;
    onMenu(listener: (command: MenuCommand) => void): () => void;
    /** Call once after the UI has mounted: settings, notices, a draft to offer, files to open. */
    startup(): Promise<StartupState>;
    /** Enters (true) or leaves (false) presentation mode; resolves to the new state. */
    presentation(on: boolean): Promise<boolean>;
    /** Presentation mode changed (also when the OS left full screen). */
    onPresentation(listener: (on: boolean) => void): () => void;
    /** Closes the window now (after a save the close dialog asked for). */
    close(): Promise<void>;
  };
  file: {
    /** Starts an untitled program: forgets the current path, stops watching, clears the draft. */
    newFile(): Promise<void>;
    /** Shows the Open dialog; null when cancelled. Rejects with a message a person can read. */
    open(): Promise<OpenedFile | null>;
    /** Shows the Open dialog and reads the chosen program for the compare view, without opening it in the editor; null when cancelled. */
    pickToCompare(): Promise<OpenedFile | null>;
    /** Opens a path main offered (OpenRequest, Open Recent); any other path is refused. */
    openPath(path: string): Promise<OpenedFile>;
    /** Opens a file dropped on the window (a DataTransfer File; its path is taken in the preload). */
    openDropped(file: File): Promise<OpenedFile>;
    /** Saves to the current file, or asks where (like Save As) for an untitled program; null when cancelled. */
    save(text: string): Promise<SavedFile | null>;
    saveAs(text: string): Promise<SavedFile | null>;
    /** Reads the current file again (after a FileChange). */
    reload(): Promise<OpenedFile>;
    /** Reports unsaved edits: main asks before closing and marks the title. */
    setDirty(dirty: boolean): Promise<void>;
    /** Keeps the current text as a crash draft (send every few seconds while dirty). */
    saveDraft(text: string): Promise<void>;
    /** Takes the offered draft back: main adopts its path (if any) and returns it as the open file. */
    restoreDraft(): Promise<OpenedFile | null>;
    discardDraft(): Promise<void>;
    /** Asks where to save and writes the bytes; resolves to the path written, or null when cancelled. */
    export(request: ExportRequest): Promise<string | null>;
    onOpenRequest(listener: (request: OpenRequest) => void): () => void;
    onChanged(listener: (change: FileChange) => void): () => void;
    onSaveRequest(listener: (request: SaveRequest) => void): () => void;
    /** File > Export > … was chosen: produce the bytes and call file.export. */
    onExportRequest(listener: (kind: ExportKind) => void): () => void;
  };
  settings: {
    get(): Promise<Settings>;
    set(patch: SettingsPatch): Promise<Settings>;
    /** Settings changed (from the menu, or another call). */
    onChanged(listener: (settings: Settings) => void): () => void;
    /** A message to show once, e.g. settings reset because the file was corrupt. */
    onNotice(listener: (message: string) => void): () => void;
  };
}

declare global {
  interface Window {
    readonly loopscope: LoopscopeApi;
  }
}

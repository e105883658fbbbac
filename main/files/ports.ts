// What the desktop services need from the outside world, as interfaces: the app passes Node's
// file system and Electron's dialogs, the Playwright harness a temp directory and a scripted
// dialog. Nothing here imports Electron, so handlers.ts stays Electron-free.

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  mtimeMs: number;
}

/** Errors carry Node's `code` (ENOENT, EACCES, EISDIR…) so callers can word them for people. */
export interface FileSystemPort {
  stat(path: string): Promise<FileStat>;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes exactly `path`, nothing beside it (exports). */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Writes a sibling temp file and renames it over `path`: a crash never leaves half a file. */
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
  remove(path: string): Promise<void>;
  mkdirp(path: string): Promise<void>;
  /** Calls onChange when the file's content or existence may have changed; returns the stop function. */
  watch(path: string, onChange: () => void): () => void;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export type UnsavedAnswer = 'save' | 'discard' | 'cancel';

export interface DialogPort {
  /** The path the person picked in an Open dialog for Python files, or null when cancelled. */
  openPython(): Promise<string | null>;
  /** The path picked in a Save dialog, or null when cancelled. */
  savePath(options: {
    title: string;
    defaultName: string;
    defaultDir: string | null;
    filters: FileFilter[];
  }): Promise<string | null>;
  /** Asked before a window with unsaved edits closes. */
  confirmUnsaved(documentName: string): Promise<UnsavedAnswer>;
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

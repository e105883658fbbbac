// Builds window.loopscope over a transport: one function per message, listeners that receive
// payloads only. The preload passes ipcRenderer's transport; the Playwright harness passes a
// binding to the same main-side handlers, so the renderer under test sees this exact object.
import type {
  AppInfo,
  ExportKind,
  FileChange,
  MenuCommand,
  OpenedFile,
  OpenRequest,
  SavedFile,
  SaveRequest,
  Settings,
  SimProgress,
  StartupState,
} from '../common/apiTypes';
import type { LoopscopeApi } from './loopscope';
import type { Trace, TraceReceipt } from '../common/trace';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /** Subscribes to a main->renderer event; returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  /**
   * The disk path behind a dropped File: webUtils.getPathForFile in the preload, '' for a File
   * not backed by a file on disk. Only the path crosses to main, never the File.
   */
  pathForFile?(file: File): string;
}

export function createApi(transport: Transport): LoopscopeApi {
  async function call<T>(channel: string, payload?: unknown): Promise<T> {
    const reply = await transport.invoke(channel, payload);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  }
  const on =
    <T>(channel: string) =>
    (listener: (payload: T) => void): (() => void) =>
      transport.subscribe(channel, (payload) => listener(payload as T));

  return Object.freeze({
    sim: Object.freeze({
      run: (request) => call<Trace | TraceReceipt>('sim:run', request),
      cancel: () => call<void>('sim:cancel'),
      onProgress: on<SimProgress>('sim:progress'),
    }),
    app: Object.freeze({
      info: () => call<AppInfo>('app:info'),
      onMenu: on<MenuCommand>('app:menu'),
      startup: () => call<StartupState>('app:startup'),
      presentation: (on: boolean) => call<boolean>('app:presentation', { on }),
      onPresentation: on<boolean>('app:presentationChanged'),
      close: () => call<void>('app:close'),
    }),
    file: Object.freeze({
      newFile: () => call<void>('file:new'),
      open: () => call<OpenedFile | null>('file:open'),
      pickToCompare: () => call<OpenedFile | null>('file:pickToCompare'),
      openPath: (path: string) => call<OpenedFile>('file:openPath', { path }),
      openDropped: async (file: File) => {
        let path = '';
        try {
          path = transport.pathForFile?.(file) ?? '';
        } catch {
          // Not a File object: refused below like a File without a path.
        }
        if (path === '') throw new Error('Only files from your disk can be dropped here.');
        return call<OpenedFile>('file:openDropped', { path });
      },
      save: (text: string) => call<SavedFile | null>('file:save', { text }),
      saveAs: (text: string) => call<SavedFile | null>('file:saveAs', { text }),
      reload: () => call<OpenedFile>('file:reload'),
      setDirty: (dirty: boolean) => call<void>('file:setDirty', { dirty }),
      saveDraft: (text: string) => call<void>('file:saveDraft', { text }),
      restoreDraft: () => call<OpenedFile | null>('file:restoreDraft'),
      discardDraft: () => call<void>('file:discardDraft'),
      export: (request) =>
        call<string | null>('file:export', { kind: request.kind, data: request.data, name: request.name }),
      onOpenRequest: on<OpenRequest>('file:openRequest'),
      onChanged: on<FileChange>('file:changed'),
      onSaveRequest: on<SaveRequest>('file:saveRequest'),
      onExportRequest: on<ExportKind>('file:exportRequest'),
    }),
    settings: Object.freeze({
      get: () => call<Settings>('settings:get'),
      set: (patch) => call<Settings>('settings:set', patch),
      onChanged: on<Settings>('settings:changed'),
      onNotice: on<string>('settings:notice'),
    }),
  } satisfies LoopscopeApi);
}

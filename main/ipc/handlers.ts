// The main-side handlers of every invoke channel, free of Electron: register.ts wires them to
// ipcMain for the app, and the Playwright harness calls the very same functions for the
// renderer under test. Validation happens here, so both paths refuse the same payloads.
import type { AppInfo, RunRequest, SimProgress, StartupState } from '../../common/apiTypes';
import type { Trace, TraceReceipt } from '../../common/trace';
import {
  describeIssues,
  requestSchemas,
  type EventChannel,
  type InvokeChannel,
  type Reply,
  type RequestOf,
} from './channels';
import type { DocumentSession } from '../files/session';
import type { SettingsStore } from '../settings/store';
import type { ExportWriter } from '../export/writer';

/** Runs programs for one window; a new run cancels the one in flight. */
export interface SimService {
  /** The trace, or (the app's engine) a receipt: the trace went to the UI over its trace port. */
  run(request: RunRequest, onProgress: (progress: SimProgress) => void): Promise<Trace | TraceReceipt>;
  cancel(): Promise<void>;
}

/** Full screen on the window's display, and back to exactly the window it was. */
export interface PresentationPort {
  set(on: boolean): Promise<boolean>;
}

/** The file:, settings: and app: services of one window (Electron-free; see main/files, main/settings, main/export). */
export interface DesktopDeps {
  session: DocumentSession;
  settings: SettingsStore;
  exporter: ExportWriter;
  presentation: PresentationPort;
  /** Closes the window without asking again (the renderer saved, or chose to). */
  closeWindow: () => void;
}

export interface HandlerDeps {
  sim: SimService;
  appInfo: () => AppInfo;
  /** Pushes an event to the renderer this handler set belongs to. */
  emit: (channel: EventChannel, payload: unknown) => void;
  /** Absent where only the engine is wired (the desktop channels then answer that they are unavailable). */
  desktop?: DesktopDeps;
}

type HandlerTable = { [C in InvokeChannel]: (payload: never) => Promise<unknown> };

export interface Handlers {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const desktop = (): DesktopDeps => {
    if (!deps.desktop) throw new Error('files, settings and presentation are not available here');
    return deps.desktop;
  };
  const session = (): DocumentSession => desktop().session;
  type Req<C extends InvokeChannel> = RequestOf<C>;
  const table: HandlerTable = {
    'sim:run': (request: RunRequest) =>
      deps.sim.run(request, (p: SimProgress) => deps.emit('sim:progress', p)),
    'sim:cancel': () => deps.sim.cancel(),
    'app:info': async () => deps.appInfo(),
    'app:startup': async (): Promise<StartupState> => {
      const { settings, session } = desktop();
      const { draft, openRequests } = await session.startup();
      const notices = settings.startNotices((message) => deps.emit('settings:notice', message));
      return { settings: settings.get(), notices, draft, openRequests };
    },
    'app:presentation': ({ on }: Req<'app:presentation'>) => desktop().presentation.set(on),
    'app:close': async () => desktop().closeWindow(),
    'file:new': () => session().newFile(),
    'file:open': () => session().open(),
    'file:pickToCompare': () => session().pickToCompare(),
    'file:openPath': ({ path }: Req<'file:openPath'>) => session().openPath(path),
    'file:openDropped': ({ path }: Req<'file:openDropped'>) => session().openDropped(path),
    'file:save': ({ text }: Req<'file:save'>) => session().save(text),
    'file:saveAs': ({ text }: Req<'file:saveAs'>) => session().saveAs(text),
    'file:reload': () => session().reload(),
    'file:setDirty': async ({ dirty }: Req<'file:setDirty'>) => session().setDirty(dirty),
    'file:saveDraft': ({ text }: Req<'file:saveDraft'>) => session().saveDraft(text),
    'file:restoreDraft': () => session().restoreDraft(),
    'file:discardDraft': () => session().discardDraft(),
    'file:export': (request: Req<'file:export'>) => desktop().exporter.export(request),
    'settings:get': async () => desktop().settings.get(),
    'settings:set': (patch: Req<'settings:set'>) => desktop().settings.set(patch),
  };
  return {
    async invoke(channel, payload) {
      if (!Object.hasOwn(requestSchemas, channel)) {
        return { ok: false, error: `unknown channel: ${channel}` };
      }
      const name = channel as InvokeChannel;
      const parsed = requestSchemas[name].safeParse(payload);
      if (!parsed.success) return { ok: false, error: describeIssues(name, parsed.error) };
      try {
        const handler = table[name] as (p: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        return { ok: false, error: messageOf(error) };
      }
    },
  };
}

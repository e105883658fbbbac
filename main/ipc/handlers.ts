// The main-side handlers of every invoke channel, free of Electron: register.ts wires them to
// ipcMain for the app, and the Playwright harness calls the very same functions for the
// renderer under test. Validation happens here, so both paths refuse the same payloads.
import type { AppInfo, RunRequest, SimProgress } from '../../preload/loopscope';
import type { Trace } from '../../common/trace';
import { describeIssues, requestSchemas, type InvokeChannel, type Reply } from './channels';

/** Runs programs for one window; a new run cancels the one in flight. */
export interface SimService {
  run(request: RunRequest, onProgress: (progress: SimProgress) => void): Promise<Trace>;
  cancel(): Promise<void>;
}

export interface HandlerDeps {
  sim: SimService;
  appInfo: () => AppInfo;
  /** Pushes an event to the renderer this handler set belongs to. */
  emit: (channel: 'sim:progress', payload: SimProgress) => void;
}

type HandlerTable = { [C in InvokeChannel]: (payload: never) => Promise<unknown> };

export interface Handlers {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const table: HandlerTable = {
    'sim:run': (request: RunRequest) => deps.sim.run(request, (p) => deps.emit('sim:progress', p)),
    'sim:cancel': () => deps.sim.cancel(),
    'app:info': async () => deps.appInfo(),
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

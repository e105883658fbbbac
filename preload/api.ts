// Builds window.loopscope over a transport: one function per message, listeners that receive
// payloads only. The preload passes ipcRenderer's transport; the Playwright harness passes a
// binding to the same main-side handlers, so the renderer under test sees this exact object.
import type { AppInfo, LoopscopeApi, MenuCommand, SimProgress } from './loopscope';
import type { Trace } from '../common/trace';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /** Subscribes to a main->renderer event; returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
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
      run: (request) => call<Trace>('sim:run', request),
      cancel: () => call<void>('sim:cancel'),
      onProgress: on<SimProgress>('sim:progress'),
    }),
    app: Object.freeze({
      info: () => call<AppInfo>('app:info'),
      onMenu: on<MenuCommand>('app:menu'),
    }),
  } satisfies LoopscopeApi);
}

// The only file that touches window.loopscope (VS Code's globals.ts pattern): everything else
// imports `loopscope` from here, typed. `sim.run` always resolves with a trace: where main
// answers with a receipt (the app's engine sent the trace over its trace port), the trace is
// taken from the inbox (run/trace-inbox.ts), checked and read in a worker (run/trace-loader.ts).
import type { LoopscopeApi } from '../../preload/loopscope';
import type { RunRequest } from '../../common/apiTypes';
import type { Trace } from '../../common/trace';
import { isReceipt } from '../../engine/chromium/trace-delivery';
import { TraceInbox } from './run/trace-inbox';
import { TraceLoader } from './run/trace-loader';

export type RendererApi = Omit<LoopscopeApi, 'sim'> & {
  sim: Omit<LoopscopeApi['sim'], 'run'> & { run(request: RunRequest): Promise<Trace> };
};

/** Reads arriving traces in a worker (run/trace-worker.ts); Stop cancels it. */
export const traceLoader = new TraceLoader(
  typeof Worker === 'function'
    ? () => new Worker(new URL('./run/trace-worker.ts', import.meta.url), { type: 'module' })
    : null,
);
export const traceInbox = new TraceInbox(traceLoader.open);
traceInbox.listen(window);

const api: LoopscopeApi = window.loopscope;
export const loopscope: RendererApi = Object.freeze({
  ...api,
  sim: Object.freeze({
    ...api.sim,
    async run(request: RunRequest): Promise<Trace> {
      const result = await api.sim.run(request);
      return isReceipt(result) ? traceInbox.take(result, request) : result;
    },
  }),
});
export type * from '../../preload/loopscope';
export type * from '../../common/apiTypes';

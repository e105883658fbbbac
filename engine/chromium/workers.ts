// The engine page's workers: each run takes the warm standby (started here, from the engine
// snapshot), and a worker that breaks protocol (a malformed message, a message on the channel it
// must not use, a CSP that allows eval) is terminated. page.ts runs programs on them.
import { workerMessage, type WorkerInit, type WorkerMessage } from './protocol';
import { engineSnapshot } from './snapshot-maker';

export interface Slot {
  worker: Worker;
  port: MessagePort;
  flags: Int32Array | null;
  startedAt: number;
  ready: Promise<{ loadMs: number; interrupts: boolean }>;
  /** Set while a run is on this worker: every valid message goes there. */
  listener: ((m: WorkerMessage) => void) | null;
  /** The worker broke protocol (bad message, or a message on its global channel). */
  onBreach: ((why: string) => void) | null;
}

const indexURL = new URL('pyodide/', document.baseURI).href;

function startWorker(): Slot {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const channel = new MessageChannel();
  const shared = globalThis.crossOriginIsolated ? new SharedArrayBuffer(8) : null;
  const slot: Slot = {
    worker,
    port: channel.port1,
    flags: shared ? new Int32Array(shared) : null,
    startedAt: performance.now(),
    ready: Promise.resolve({ loadMs: 0, interrupts: false }),
    listener: null,
    onBreach: null,
  };
  let answered = false;
  slot.ready = new Promise((resolve, reject) => {
    const breach = (why: string): void => {
      worker.terminate();
      if (standby === slot) standby = null;
      reject(new Error(why));
      slot.onBreach?.(why);
    };
    // The worker's own channel is for nothing after init: a message here came from the program.
    worker.onmessage = () => breach('the engine sent a message on a channel it must not use');
    worker.onmessageerror = () => breach('the engine sent a message that could not be read');
    worker.onerror = (e) => {
      e.preventDefault();
      breach(`the engine worker failed: ${e.message || 'unknown error'}`);
    };
    slot.port.onmessageerror = () => breach('the engine sent a message that could not be read');
    slot.port.onmessage = (e: MessageEvent) => {
      const parsed = workerMessage.safeParse(e.data);
      if (!parsed.success) {
        breach('the engine sent a malformed message');
        return;
      }
      const m = parsed.data;
      if (m.type === 'ready' || m.type === 'startFailed') {
        if (answered) breach(`the engine sent '${m.type}' twice`);
        else if (m.type === 'ready' && !m.evalRefused)
          breach("the engine worker's CSP allows eval (no 'unsafe-eval' expected)");
        else if (m.type === 'ready') resolve({ loadMs: m.loadMs, interrupts: m.interrupts });
        else reject(new Error(m.message));
        answered = true;
      } else if (slot.listener) slot.listener(m);
      else breach(`the engine sent '${m.type}' with no run in progress`);
    };
  });
  slot.ready.catch(() => {});
  // Every worker starts from the same snapshot, a copy of its own (transferred).
  void engineSnapshot(indexURL).then((bytes) => {
    const snapshot = bytes ? bytes.slice().buffer : null;
    const init: WorkerInit = { type: 'init', indexURL, interrupt: shared, snapshot };
    worker.postMessage(init, snapshot ? [channel.port2, snapshot] : [channel.port2]);
  });
  return slot;
}

let standby: Slot | null = null;

/** The warm standby for a run (a new worker if there is none): it is no longer the standby. */
export function takeStandby(): Slot {
  const slot = standby ?? startWorker();
  standby = null;
  return slot;
}

/** The standby, started if there is none. */
export function ensureStandby(): Slot {
  standby ??= startWorker();
  return standby;
}

/** A standby that failed to start is no standby: the next run starts a fresh worker. */
export function dropStandby(slot: Slot): void {
  if (standby === slot) standby = null;
}

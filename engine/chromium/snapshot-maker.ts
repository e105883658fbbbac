// The engine snapshot for the page's workers: made once, in a worker that runs no program (the
// same worker script, told only to make it), then handed to every new worker, which starts from
// it in a fraction of a normal start. If it cannot be made, each worker makes its own
// (engine-core.ts), so a failure here costs time, never a run.
import { snapshotMessage, type WorkerInit } from './protocol';

/** Making the snapshot is one engine start and a warm-up; past this the workers go without. */
const MAKE_TIMEOUT_MS = 120_000;

let made: Promise<Uint8Array | null> | null = null;

export function engineSnapshot(indexURL: string): Promise<Uint8Array | null> {
  made ??= makeSnapshot(indexURL).catch(() => null);
  return made;
}

function makeSnapshot(indexURL: string): Promise<Uint8Array> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine-snapshot',
  });
  const channel = new MessageChannel();
  return new Promise<Uint8Array>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the engine snapshot took too long')), MAKE_TIMEOUT_MS);
    const settle = (): void => {
      clearTimeout(timer);
      worker.terminate();
      channel.port1.close();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      settle();
      reject(new Error(e.message || 'the snapshot worker failed'));
    };
    channel.port1.onmessage = (e: MessageEvent) => {
      settle();
      const m = snapshotMessage.safeParse(e.data);
      if (m.success && m.data.type === 'snapshot') resolve(m.data.bytes);
      else reject(new Error(m.success && m.data.type === 'startFailed' ? m.data.message : 'no snapshot'));
    };
    const init: WorkerInit = { type: 'init', indexURL, interrupt: null, snapshot: null, makeSnapshot: true };
    worker.postMessage(init, [channel.port2]);
  });
}

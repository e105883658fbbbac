// The engine's dedicated Worker inside the engine window: loads Pyodide from the app's own
// assets (from the snapshot the page hands it), runs exactly one program, and answers on the private MessagePort the page gave it
// in `init`. The port lives in this module's scope only: a program that reaches JavaScript in
// this worker finds `self.postMessage` (which the page treats as forged), not the port by name
// (though prototypes it patches can alter what the worker itself sends about this run).
// The page terminates this worker after the run, so nothing of the program outlives it.
import { createEngineWith, makeEngineSnapshot, type Engine } from '../python/engine-core';
import type { SnapshotMessage, WorkerInit, WorkerMessage, WorkerRun } from './protocol';
import { engineSources } from './sources';

/** Progress (the page's step watchdog listens to it) at most this often. */
const PROGRESS_EVERY_MS = 100;

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;

type LoadPyodide = typeof import('pyodide').loadPyodide;

scope.onmessage = (e: MessageEvent) => {
  scope.onmessage = null; // one init; later messages on this channel are nobody's
  const init = e.data as WorkerInit;
  const port = e.ports[0];
  if (!port || init?.type !== 'init') return;
  void start(init, port);
};

async function start(init: WorkerInit, port: MessagePort): Promise<void> {
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const flags = init.interrupt ? new Int32Array(init.interrupt) : null;
  const started = performance.now();
  let engine: Engine;
  try {
    const { loadPyodide } = (await import(/* @vite-ignore */ `${init.indexURL}pyodide.mjs`)) as {
      loadPyodide: LoadPyodide;
    };
    const load = (options: Parameters<LoadPyodide>[0]) =>
      loadPyodide({ ...options, indexURL: init.indexURL });
    if (init.makeSnapshot) {
      // The page's snapshot worker (snapshot-maker.ts): no program ever comes here.
      const bytes = await makeEngineSnapshot(load, engineSources);
      const answer: SnapshotMessage = {
        type: 'snapshot',
        bytes: new Uint8Array(bytes.buffer as ArrayBuffer),
      };
      port.postMessage(answer, [bytes.buffer]);
      return;
    }
    engine = await createEngineWith(
      load,
      engineSources,
      {
        onPyodide(py) {
          if (flags) py.setInterruptBuffer(flags.subarray(0, 1));
        },
      },
      init.snapshot ? new Uint8Array(init.snapshot) : undefined,
    );
  } catch (e) {
    post({ type: 'startFailed', message: `the engine did not start: ${(e as Error).message}` });
    return;
  }
  post({
    type: 'ready',
    loadMs: performance.now() - started,
    interrupts: flags !== null,
    evalRefused: evalRefused(),
  });

  port.onmessage = (event: MessageEvent) => {
    port.onmessage = null; // one program per worker
    const m = event.data as WorkerRun;
    if (m?.type !== 'run') return;
    void run(engine, m, post, flags);
  };
}

async function run(
  engine: Engine,
  m: WorkerRun,
  post: (m: WorkerMessage) => void,
  flags: Int32Array | null,
): Promise<void> {
  let lastBeat = performance.now();
  try {
    const trace = await engine.run(m.source, m.fileName, m.options, {
      onStep(steps) {
        const now = performance.now();
        if (now - lastBeat < PROGRESS_EVERY_MS) return;
        lastBeat = now;
        post({ type: 'progress', runId: m.runId, steps });
      },
      interrupted: () => (flags ? Atomics.load(flags, 1) === 1 : false),
      wallMs: () => performance.now(),
    });
    post({ type: 'finishing', runId: m.runId });
    post({
      type: 'result',
      runId: m.runId,
      trace,
      interrupted: flags ? Atomics.load(flags, 1) === 1 : false,
    });
  } catch (e) {
    post({ type: 'failed', runId: m.runId, message: (e as Error).message });
  }
}

/** Whether this worker's CSP refuses code from strings (a worker has its own policy, from its script's response). */
function evalRefused(): boolean {
  try {
    new Function('return 1');
    return false;
  } catch {
    return true;
  }
}

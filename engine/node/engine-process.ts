// The engine process's entry, the same module under Electron's utilityProcess (process.parentPort)
// and under a Node child process (process.send): it contains itself (harden.ts), checks that
// the permission flags took (containment-check.ts), loads the engine once (from the snapshot
// beside its bundle when there is one) and then runs one program per 'run' message. It never exits on a bad program; the host kills it when it must.
import { createReadStream } from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { version as pyodideVersion } from 'pyodide';
import { createEngine, type Engine } from '../python/engine';
import { checkContainment } from './containment-check';
import { answerConstantsBinding, denyNetwork, denyProcesses, hideGlobals } from './harden';
import { createInterruptSignal } from './interrupt';
import { engineMessage, hostMessage, type EngineMessage, type HostMessage } from '../protocol';
import { createStepProbe } from './step-probe';
import { settledEnd } from '../core/run-ends';
import { createFrameReader, encodeFrame } from './frames';
import { OUT_FD, writeFrame } from './write-frame';
import { readSnapshotIn } from './snapshot-file';

/** Python start-up takes about this long on a laptop; the progress bar moves by it. */
const EXPECTED_LOAD_MS = 3000;
/** Progress (and the heartbeat the host's watchdog listens to) at most this often. */
const PROGRESS_EVERY_MS = 100;

interface Channel {
  send(message: EngineMessage): void;
  onMessage(listener: (data: unknown) => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function openChannel(): Channel {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data)),
    };
  }
  // A Node child (node-launcher.ts): the host's frames on fd 4, ours on fd 3 (frames.ts). Not
  // stdin: Pyodide reads fd 0 for Python's input().
  const inp = createReadStream('', { fd: 4 });
  const listeners: ((data: unknown) => void)[] = [];
  const reader = createFrameReader(
    (value) => {
      for (const l of listeners) l(value);
    },
    () => process.exit(70), // only the host writes here; garbage means something is badly wrong
  );
  inp.on('data', (chunk) => reader.push(chunk as Buffer));
  // A child whose host went away has nobody to answer to.
  inp.on('end', () => process.exit(0));
  inp.on('error', () => process.exit(0));
  return {
    send: (m) => writeFrame(OUT_FD, encodeFrame(m)),
    onMessage: (l) => void listeners.push(l),
  };
}

async function main(): Promise<void> {
  const channel = openChannel();
  const send = (m: EngineMessage): void => channel.send(engineMessage.parse(m));
  answerConstantsBinding();
  denyNetwork();
  denyProcesses();
  const probe = createStepProbe();
  const signal = createInterruptSignal(probe);
  const containment = checkContainment(os.homedir());

  const started = performance.now();
  const ticker = setInterval(() => {
    send({ type: 'loading', fraction: Math.min(0.95, (performance.now() - started) / EXPECTED_LOAD_MS) });
  }, 200);
  let interrupts = false;
  let engine: Engine;
  try {
    // The snapshot the host made beside this bundle (read only): a start in a fraction of a second.
    const snapshot = readSnapshotIn(new URL('.', import.meta.url), pyodideVersion);
    engine = await createEngine(
      {
        onPyodide(py) {
          // Pyodide only reads element 0, and this object computes it (interrupt.ts).
          py.setInterruptBuffer(signal.buffer as unknown as Int32Array);
          interrupts = true;
        },
      },
      snapshot,
    );
  } catch (e) {
    send({ type: 'startFailed', message: `the engine did not start: ${(e as Error).message}` });
    throw e;
  } finally {
    clearInterval(ticker);
  }
  hideGlobals();
  send({
    type: 'ready',
    loadMs: performance.now() - started,
    containment: { ...containment, interrupts },
    startedFrom: engine.startedFrom,
  });

  let busy = false;
  const run = async (m: HostMessage): Promise<void> => {
    busy = true;
    let lastBeat = performance.now();
    probe.reset();
    probe.onBoundary = () => {
      const now = performance.now();
      if (now - lastBeat < PROGRESS_EVERY_MS) return;
      lastBeat = now;
      send({ type: 'progress', runId: m.runId, secret: m.secret, steps: probe.steps });
    };
    // A step past its budget in real time but not in CPU time (a loaded machine): the host's
    // watchdog, which counts silence, hears that it is still within its budget.
    signal.onPatient = probe.onBoundary;
    signal.arm(m.stepBudgetMs, m.firstStepBudgetMs);
    try {
      const trace = await engine.run(m.source, m.fileName, m.options, {
        onStep: probe.step,
        interrupted: () => signal.fired !== null,
        onEnd: () => signal.disarm(),
        wallMs: () => performance.now(),
      });
      signal.disarm();
      send({ type: 'finishing', runId: m.runId, secret: m.secret });
      const settled = settledEnd(trace, signal.fired?.seconds ?? null);
      trace.end = settled.end;
      const tainted = settled.tainted;
      send({ type: 'result', runId: m.runId, secret: m.secret, trace, tainted });
    } catch (e) {
      send({ type: 'failed', runId: m.runId, secret: m.secret, message: (e as Error).message });
    } finally {
      signal.disarm();
      probe.onBoundary = signal.onPatient = null;
      busy = false;
    }
  };

  channel.onMessage((data) => {
    const parsed = hostMessage.safeParse(data);
    if (!parsed.success) return; // only the host talks here; anything else is noise
    if (busy) {
      send({
        type: 'failed',
        runId: parsed.data.runId,
        secret: parsed.data.secret,
        message: 'the engine process runs one program at a time',
      });
      return;
    }
    void run(parsed.data);
  });
}

void main();

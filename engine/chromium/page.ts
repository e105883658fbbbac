// The engine page: a hidden window's only script. It owns the workers that run programs and
// speaks engine/protocol.ts to its owner (main, or the tests) over a MessagePort the preload
// hands it. Each run goes to a fresh worker (the warm standby), which is terminated after it,
// so no run sees anything of another (workers.ts). The watchdog is here, outside the worker: a step budget
// measured from the worker's progress messages, and the owner's wall-clock budget per run (the
// memory cap is main's to enforce, on the window's process: main/host/usage-watch.ts). A
// runaway is interrupted in place through Pyodide's interrupt buffer when the page is
// crossOriginIsolated, and its worker is terminated if that does not end the run within the
// grace. In the app, a finished trace goes to the UI over a port main sends with the run, not
// back through main.
import { internalErrorEnd, settledEnd, silentStepEnd, traceLateEnd } from '../core/run-ends';
import { endedTrace } from '../core/ended-trace';
import { wallBudgetEnd } from '../core/budgets';
import type { Trace } from '../../common/trace';
import { hostMessage, type EngineMessage, type HostMessage } from '../protocol';
import { ENGINE_PORT_MESSAGE, retireMessage, type WorkerRun } from './protocol';
import { pageContainment } from './page-checks';
import { dropStandby, ensureStandby, takeStandby } from './workers';
import { encodeTrace, newDeliveryId, type TraceDelivery } from './trace-delivery';

/** Python start-up takes about this long; the owner's progress bar moves by it. */
const EXPECTED_LOAD_MS = 4000;
/** After an in-place interrupt, this long for the run to end before the worker is terminated. */
const INTERRUPT_GRACE_MS = 1000;
/** After the first interrupt, ask again this often: a program may swallow KeyboardInterrupt. */
const REINTERRUPT_MS = 250;
/** A finished run's trace may take this long to arrive. */
const TRANSFER_TIMEOUT_MS = 60_000;
/** The page tells its owner it is alive this often during a run (the owner's watchdog). */
const HEARTBEAT_MS = 250;
const WATCH_EVERY_MS = 50;

const SIGINT = 2;

const containment = pageContainment();
/** The owner's port of the current session; a new port ends the previous session. */
let owner: MessagePort | null = null;
let active: { port: MessagePort; stop: () => void } | null = null;

window.addEventListener('message', (e: MessageEvent) => {
  if (e.source !== window || e.data !== ENGINE_PORT_MESSAGE || !e.ports[0]) return;
  openSession(e.ports[0]);
});
ensureStandby();

function openSession(port: MessagePort): void {
  if (active) active.stop();
  owner?.close();
  owner = port;
  const send = (m: EngineMessage): void => {
    if (owner === port) port.postMessage(m);
  };
  port.onmessage = (e: MessageEvent) => {
    if (owner !== port) return;
    if (retireMessage.safeParse(e.data).success) {
      if (active?.port === port) active.stop();
      owner = null;
      port.close();
      return;
    }
    const parsed = hostMessage.safeParse(e.data);
    if (!parsed.success) return; // only the owner talks here; anything else is noise
    if (active) {
      const { runId, secret } = parsed.data;
      send({ type: 'failed', runId, secret, message: 'the engine runs one program at a time' });
      return;
    }
    // A run may come with a port of its own (the app: its other end is the UI's), where its
    // trace goes instead of to the owner (trace-delivery.ts).
    run(port, parsed.data, send, e.ports[0] ?? null);
  };
  const slot = ensureStandby();
  const ticker = setInterval(() => {
    const fraction = Math.min(0.95, (performance.now() - slot.startedAt) / EXPECTED_LOAD_MS);
    send({ type: 'loading', fraction });
  }, 200);
  slot.ready.then(
    ({ loadMs, interrupts }) => {
      clearInterval(ticker);
      send({ type: 'ready', loadMs, containment: { ...containment, interrupts } });
    },
    (e: Error) => {
      clearInterval(ticker);
      dropStandby(slot);
      send({ type: 'startFailed', message: `the engine did not start: ${e.message}` });
    },
  );
}

function run(
  port: MessagePort,
  m: HostMessage,
  send: (m: EngineMessage) => void,
  tracePort: MessagePort | null,
): void {
  const sentAt = performance.now();
  const slot = takeStandby();
  let steps = 0;
  let lastHeard = sentAt;
  let heardProgress = false;
  let started = false;
  let finishing = false;
  let interruptedAt = 0;
  let lastInterrupt = 0;
  let done = false;

  const finish = (reply: EngineMessage | null): void => {
    if (done) return;
    done = true;
    clearInterval(watch);
    clearInterval(heartbeat);
    slot.listener = slot.onBreach = null;
    slot.worker.terminate();
    if (active?.port === port) active = null;
    if (reply) send(reply);
    // The next run's worker loads now, not while this run ran: on two cores a Pyodide start
    // beside a run slows the run enough to trip its step budget.
    ensureStandby();
  };
  const ended = (end: Trace['end']): EngineMessage => ({
    type: 'result',
    runId: m.runId,
    secret: m.secret,
    trace: endedTrace(m.source, m.fileName, m.options, end),
    tainted: false,
  });
  active = { port, stop: () => finish(null) };

  slot.onBreach = (why) => finish(ended(internalErrorEnd(`internal error: ${why}; the run was stopped`)));
  slot.listener = (w) => {
    if ('runId' in w && w.runId !== m.runId) {
      slot.onBreach?.('the engine sent a message for another run');
      return;
    }
    lastHeard = performance.now();
    if (w.type === 'progress') {
      heardProgress = true;
      steps = w.steps;
    } else if (w.type === 'finishing') {
      finishing = true;
      send({ type: 'finishing', runId: m.runId, secret: m.secret });
    } else if (w.type === 'result')
      finish(deliver(m, resultOf(m, w.trace, w.interrupted, interruptedAt, lastHeard), tracePort));
    else if (w.type === 'failed')
      finish({ type: 'failed', runId: m.runId, secret: m.secret, message: w.message });
  };

  const heartbeat = setInterval(
    () => send({ type: 'progress', runId: m.runId, secret: m.secret, steps }),
    HEARTBEAT_MS,
  );
  const watch = setInterval(() => {
    const now = performance.now();
    if (!started) return;
    if (now - sentAt > m.wallBudget.ms) {
      finish(ended(wallBudgetEnd(m.wallBudget.ms, m.wallBudget.setting)));
      return;
    }
    const silent = now - lastHeard;
    const allowed = finishing ? TRANSFER_TIMEOUT_MS : heardProgress ? m.stepBudgetMs : m.firstStepBudgetMs;
    if (silent <= allowed) return;
    if (finishing) {
      finish(ended(traceLateEnd()));
      return;
    }
    if (slot.flags && (!interruptedAt || now - interruptedAt < INTERRUPT_GRACE_MS)) {
      if (now - lastInterrupt >= REINTERRUPT_MS) {
        interruptedAt ||= now;
        lastInterrupt = now;
        Atomics.store(slot.flags, 1, 1);
        Atomics.store(slot.flags, 0, SIGINT);
      }
      return;
    }
    finish(ended(silentStepEnd(silent)));
  }, WATCH_EVERY_MS);

  slot.ready.then(
    () => {
      if (done) return;
      started = true;
      lastHeard = performance.now();
      const request: WorkerRun = {
        type: 'run',
        runId: m.runId,
        source: m.source,
        fileName: m.fileName,
        options: m.options as Record<string, number>,
      };
      slot.port.postMessage(request);
    },
    (e: Error) =>
      finish({
        type: 'failed',
        runId: m.runId,
        secret: m.secret,
        message: `the engine did not start: ${e.message}`,
      }),
  );
}

/** The worker's trace, with the page's own verdict on runaways and exits. */
function resultOf(
  m: HostMessage,
  trace: Trace,
  interrupted: boolean,
  interruptedAt: number,
  endedAt: number,
): Trace {
  const after = interrupted && interruptedAt ? (m.stepBudgetMs + (endedAt - interruptedAt)) / 1000 : null;
  // The worker is replaced after every run, so whether its Python is tainted does not matter here.
  trace.end = settledEnd(trace, after).end;
  return trace;
}

/** The owner's answer: the trace itself, or (with a trace port) its end, the trace gone to the UI. */
function deliver(m: HostMessage, trace: Trace, tracePort: MessagePort | null): EngineMessage {
  const { runId, secret } = m;
  if (!tracePort) return { type: 'result', runId, secret, trace, tainted: false };
  const delivery = newDeliveryId();
  const bytes = encodeTrace(trace);
  const message: TraceDelivery = { type: 'trace', delivery, bytes };
  tracePort.postMessage(message, [bytes.buffer]);
  return { type: 'delivered', runId, secret, delivery, end: trace.end, tainted: false };
}

// Where the app's traces arrive: the engine page posts each finished run's trace on a trace
// port (main hands the page one end, the preload posts the other to this window), and main
// answers `sim.run` with a receipt (how the run ended, and the delivery id). This pairs them,
// whichever comes first, and checks what arrived as untrusted input
// (engine/chromium/trace-delivery.ts): a trace that does not fit is an error, never a run.
import type { Trace, TraceReceipt } from '../../../common/trace';
import { TRACE_PORT_MESSAGE } from '../../../engine/chromium/port';
import { receivedTrace, traceDelivery } from '../../../engine/chromium/trace-delivery';
import type { OpenTrace } from './trace-loader';

/** Reads the bytes here (the app hands a TraceLoader's `open`, which reads them in a worker). */
const openHere: OpenTrace = (bytes, receipt, asked) =>
  Promise.resolve().then(() => receivedTrace(bytes, receipt, asked));

/** Deliveries nobody asked for yet (a cancelled run's, say): the oldest go beyond this. */
const KEEP_UNCLAIMED = 4;
/** After main's receipt, the trace itself may take this long (a large one is tens of MB). */
const ARRIVAL_TIMEOUT_MS = 60_000;
/** Main makes a trace channel per run: the ports of the last runs stay open, so a late trace still lands
 * (the runner shows only its newest run; an older run's trace is claimed by nobody). */
const KEEP_PORTS = 3;

export class TraceInbox {
  private readonly unclaimed = new Map<string, Uint8Array>();
  private readonly waiting = new Map<string, (bytes: Uint8Array) => void>();
  private readonly ports: MessagePort[] = [];

  constructor(private readonly open: OpenTrace = openHere) {}

  /** Takes ports posted to `target` by the preload (the app), or handed over directly (tests). */
  listen(target: Window): () => void {
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== target || e.origin !== target.location.origin) return;
      if (e.data !== TRACE_PORT_MESSAGE || !e.ports[0]) return;
      this.addPort(e.ports[0]);
    };
    target.addEventListener('message', onMessage);
    return () => target.removeEventListener('message', onMessage);
  }

  addPort(port: MessagePort): void {
    this.ports.push(port);
    while (this.ports.length > KEEP_PORTS) this.ports.shift()?.close();
    port.onmessage = (e: MessageEvent) => {
      const parsed = traceDelivery.safeParse(e.data);
      if (parsed.success) this.arrived(parsed.data.delivery, parsed.data.bytes);
    };
  }

  /** The trace a receipt stands for, checked; rejects if it does not arrive or does not fit. */
  take(receipt: TraceReceipt, asked: { source: string; fileName: string }): Promise<Trace> {
    const id = receipt.delivered;
    const ready = this.unclaimed.get(id);
    if (ready) {
      this.unclaimed.delete(id);
      return this.open(ready, receipt, asked);
    }
    return new Promise<Trace>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('the trace of this run did not arrive from the engine'));
      }, ARRIVAL_TIMEOUT_MS);
      this.waiting.set(id, (bytes) => {
        clearTimeout(timer);
        this.open(bytes, receipt, asked).then(resolve, reject);
      });
    });
  }

  private arrived(id: string, bytes: Uint8Array): void {
    const waiter = this.waiting.get(id);
    if (waiter) {
      this.waiting.delete(id);
      waiter(bytes);
      return;
    }
    this.unclaimed.set(id, bytes);
    for (const old of this.unclaimed.keys()) {
      if (this.unclaimed.size <= KEEP_UNCLAIMED) break;
      this.unclaimed.delete(old);
    }
  }
}

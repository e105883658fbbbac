// A receipt ("delivered", with the run's end and a delivery id) stands for a trace the engine
// page posted on the run's trace port. An engine given no trace port (the CLI's, the tests'
// window, a run with no UI to deliver to) that answers with one is not the engine: the run ends
// with the forged-message error, at once, instead of leaving the UI waiting for a trace.
import { afterEach, describe, expect, it } from 'vitest';
import { createChromiumSimService } from '../../main/engine-window/chromium-sim-service';
import type { EnginePort, EngineWindow } from '../../main/engine-window/chromium-launcher';
import type { HostedSimService } from '../../main/host/sim-service';

const READY = { type: 'ready', loadMs: 1, containment: { contained: true, problems: [], interrupts: true } };
const END = { kind: 'ok', message: 'The program finished normally.', exitCode: 0 };

/** A page that answers every run with a receipt; `withPort`: main gives it a trace port. */
function receiptPage(withPort: boolean): EngineWindow {
  return {
    pid: undefined,
    openPort(): EnginePort {
      const listeners: ((d: unknown) => void)[] = [];
      const say = (d: unknown): void => listeners.forEach((l) => l(d));
      setTimeout(() => say(READY), 0);
      const answer = (m: unknown): void => {
        const run = m as { type: string; runId: number; secret: string };
        if (run.type !== 'run') return;
        const receipt = {
          runId: run.runId,
          secret: run.secret,
          delivery: 'd'.repeat(32),
          end: END,
          tainted: false,
        };
        setTimeout(() => say({ type: 'delivered', ...receipt }), 0);
      };
      return {
        postMessage: answer,
        ...(withPort
          ? {
              postRun(m) {
                answer(m);
                return true;
              },
            }
          : {}),
        onMessage: (l) => listeners.push(l),
        close: () => {},
      };
    },
    onGone: () => {},
    destroy: () => {},
  };
}

describe("the engine's receipts", () => {
  let service: HostedSimService | null = null;
  afterEach(async () => {
    await service?.dispose();
    service = null;
  });

  it('with a trace port: the receipt is the answer', async () => {
    service = createChromiumSimService({ openWindow: () => receiptPage(true) });
    expect(await service.run({ source: 'pass', fileName: 'a.py' }, () => {})).toEqual({
      delivered: 'd'.repeat(32),
      end: END,
    });
  });

  it('without one: a receipt is a forged message, and the run ends saying so', async () => {
    service = createChromiumSimService({ openWindow: () => receiptPage(false) });
    await expect(service.run({ source: 'pass', fileName: 'a.py' }, () => {})).rejects.toThrow(
      "the engine process sent a message that is not the engine's (it says it delivered a trace, but no trace port went with the run)",
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../main/ipc/channels';
import { createHandlers, type SimService } from '../../main/ipc/handlers';
import type { Trace } from '../../common/trace';

/** Wrongly shaped payloads for every channel; a new channel without samples fails the test below. */
const badPayloads: Record<InvokeChannel, unknown[]> = {
  'sim:run': [
    undefined,
    null,
    'print(1)',
    42,
    {},
    { source: 1, fileName: 'a.py' },
    { source: 'print(1)' },
    { source: 'print(1)', fileName: '' },
    { source: 'print(1)', fileName: 'a.py', extra: true },
    { source: 'print(1)', fileName: 'a.py', options: { seed: -1 } },
    { source: 'print(1)', fileName: 'a.py', options: { maxSteps: 1.5 } },
    { source: 'print(1)', fileName: 'a.py', options: { bogus: 1 } },
    { source: 'x'.repeat(2_000_001), fileName: 'big.py' },
  ],
  'sim:cancel': [{}, 'now', 1, null],
  'app:info': [{}, 'x', [], null],
};

function fakeSim(): SimService & { runs: number } {
  const sim = {
    runs: 0,
    run: vi.fn(async () => {
      sim.runs++;
      return { version: 1 } as unknown as Trace;
    }),
    cancel: vi.fn(async () => undefined),
  };
  return sim;
}

function handlersWith(sim: SimService) {
  return createHandlers({
    sim,
    emit: () => undefined,
    appInfo: () => ({ name: 'Loopscope', version: '0', platform: 'linux', contained: true }),
  });
}

describe('IPC payload validation', () => {
  it('every channel has wrongly shaped samples', () => {
    expect(Object.keys(badPayloads).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel} answers every wrongly shaped payload with an error and never reaches the handler`, async () => {
      const sim = fakeSim();
      const handlers = handlersWith(sim);
      for (const payload of badPayloads[channel]) {
        const reply = await handlers.invoke(channel, payload);
        expect(reply.ok, `payload ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
        if (!reply.ok) expect(reply.error).toMatch(new RegExp(`^${channel}: invalid request`));
      }
      expect(sim.run).not.toHaveBeenCalled();
      expect(sim.cancel).not.toHaveBeenCalled();
    });
  }

  it('keeps working after bad payloads: a good request still reaches the engine', async () => {
    const sim = fakeSim();
    const handlers = handlersWith(sim);
    await handlers.invoke('sim:run', { nonsense: true });
    const reply = await handlers.invoke('sim:run', { source: 'print(1)', fileName: 'a.py', options: { seed: 3 } });
    expect(reply).toEqual({ ok: true, value: { version: 1 } });
    expect(sim.run).toHaveBeenCalledWith({ source: 'print(1)', fileName: 'a.py', options: { seed: 3 } }, expect.any(Function));
  });

  it('an unknown channel is refused by name', async () => {
    const reply = await handlersWith(fakeSim()).invoke('fs:readAll', '/etc/passwd');
    expect(reply).toEqual({ ok: false, error: 'unknown channel: fs:readAll' });
  });

  it('an engine failure comes back as an error message, not a crash', async () => {
    const sim = fakeSim();
    sim.run = vi.fn(async () => {
      throw new Error('engine process exited unexpectedly');
    });
    const reply = await handlersWith(sim).invoke('sim:run', { source: '', fileName: 'a.py' });
    expect(reply).toEqual({ ok: false, error: 'engine process exited unexpectedly' });
  });
});

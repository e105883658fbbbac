import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../main/ipc/channels';
import { badPayloads } from '../ipc-bad-payloads';
import { createHandlers, type DesktopDeps, type SimService } from '../../main/ipc/handlers';
import type { Trace } from '../../common/trace';

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

/** Every desktop service method as a spy: a refused payload must reach none of them. */
function fakeDesktop(): { deps: DesktopDeps; spies: ReturnType<typeof vi.fn>[] } {
  const spies: ReturnType<typeof vi.fn>[] = [];
  const spyObject = (...names: string[]) =>
    Object.fromEntries(
      names.map((n) => {
        const spy = vi.fn(async () => null);
        spies.push(spy);
        return [n, spy];
      }),
    );
  const deps = {
    session: spyObject(
      'startup',
      'newFile',
      'open',
      'pickToCompare',
      'openPath',
      'openDropped',
      'save',
      'saveAs',
      'reload',
      'setDirty',
      'saveDraft',
      'restoreDraft',
      'discardDraft',
    ),
    settings: spyObject('get', 'set', 'startNotices'),
    exporter: spyObject('export'),
    presentation: spyObject('set'),
    closeWindow: vi.fn(),
  };
  spies.push(deps.closeWindow);
  return { deps: deps as unknown as DesktopDeps, spies };
}

function handlersWith(sim: SimService, desktop?: DesktopDeps) {
  return createHandlers({
    sim,
    emit: () => undefined,
    appInfo: () => ({ name: 'Loopscope', version: '0', platform: 'linux', contained: true }),
    desktop,
  });
}

describe('IPC payload validation', () => {
  it('every channel has wrongly shaped samples', () => {
    expect(Object.keys(badPayloads).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel} answers every wrongly shaped payload with an error and never reaches the handler`, async () => {
      const sim = fakeSim();
      const desktop = fakeDesktop();
      const handlers = handlersWith(sim, desktop.deps);
      for (const payload of badPayloads[channel]) {
        const reply = await handlers.invoke(channel, payload);
        expect(reply.ok, `payload ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
        if (!reply.ok) expect(reply.error).toMatch(new RegExp(`^${channel}: invalid request`));
      }
      expect(sim.run).not.toHaveBeenCalled();
      expect(sim.cancel).not.toHaveBeenCalled();
      for (const spy of desktop.spies) expect(spy).not.toHaveBeenCalled();
    });
  }

  it('desktop channels answer plainly where no desktop services are wired', async () => {
    const reply = await handlersWith(fakeSim()).invoke('file:new', undefined);
    expect(reply).toEqual({ ok: false, error: 'files, settings and presentation are not available here' });
  });

  it('a well-shaped desktop request reaches its service with the parsed payload', async () => {
    const desktop = fakeDesktop();
    const handlers = handlersWith(fakeSim(), desktop.deps);
    await handlers.invoke('file:openPath', { path: '/home/me/a.py' });
    expect(desktop.deps.session.openPath).toHaveBeenCalledWith('/home/me/a.py');
    await handlers.invoke('app:presentation', { on: true });
    expect(desktop.deps.presentation.set).toHaveBeenCalledWith(true);
    await handlers.invoke('settings:set', { theme: 'high-contrast' });
    expect(desktop.deps.settings.set).toHaveBeenCalledWith({ theme: 'high-contrast' });
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    await handlers.invoke('file:export', { kind: 'stage-png', data: bytes, name: 'stage' });
    expect(desktop.deps.exporter.export).toHaveBeenCalledWith({
      kind: 'stage-png',
      data: bytes,
      name: 'stage',
    });
  });

  it('keeps working after bad payloads: a good request still reaches the engine', async () => {
    const sim = fakeSim();
    const handlers = handlersWith(sim);
    await handlers.invoke('sim:run', { nonsense: true });
    const reply = await handlers.invoke('sim:run', {
      source: 'print(1)',
      fileName: 'a.py',
      options: { seed: 3 },
    });
    expect(reply).toEqual({ ok: true, value: { version: 1 } });
    expect(sim.run).toHaveBeenCalledWith(
      { source: 'print(1)', fileName: 'a.py', options: { seed: 3 } },
      expect.any(Function),
    );
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

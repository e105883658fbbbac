// main's side of the Chromium host, with the window faked: sessions are ports on one window, a
// retired session leaves the window alone, a page that stops answering mid-run is destroyed, and
// a window whose renderer is gone ends its sessions and is replaced on the next launch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createChromiumLauncher,
  type EnginePort,
  type EngineWindow,
} from '../../main/engine-window/chromium-launcher';

interface FakePort extends EnginePort {
  posted: unknown[];
  closed: boolean;
  reply(data: unknown): void;
}

interface FakeWindow extends EngineWindow {
  usage?: () => { rssMb: number; cpuMs: number } | null;
  ports: FakePort[];
  destroyed: boolean;
  kill(why: string): void;
}

function fakeWindow(): FakeWindow {
  const gone: ((why: string) => void)[] = [];
  const w: FakeWindow = {
    pid: 42,
    ports: [],
    destroyed: false,
    openPort() {
      const listeners: ((d: unknown) => void)[] = [];
      const port: FakePort = {
        posted: [],
        closed: false,
        postMessage: (m) => port.posted.push(m),
        onMessage: (l) => listeners.push(l),
        close: () => (port.closed = true),
        reply: (d) => listeners.forEach((l) => l(d)),
      };
      w.ports.push(port);
      return port;
    },
    onGone: (l) => gone.push(l),
    destroy() {
      w.destroyed = true;
      gone.forEach((l) => l('destroyed'));
    },
    kill: (why) => gone.forEach((l) => l(why)),
  };
  return w;
}

const RUN = {
  type: 'run' as const,
  runId: 1,
  secret: 'a-secret-of-sixteen-chars',
  source: 'pass',
  fileName: 'a.py',
  options: {},
  stepBudgetMs: 2000,
  firstStepBudgetMs: 2000,
  wallBudget: { ms: 120_000, setting: '--wall-budget' },
};

describe('chromium launcher', () => {
  let windows: FakeWindow[];
  const launcher = () =>
    createChromiumLauncher(() => {
      const w = fakeWindow();
      windows.push(w);
      return w;
    });
  beforeEach(() => {
    windows = [];
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => vi.useRealTimers());

  it('each launch is a new port on the same window; kill retires the port, not the window', () => {
    const l = launcher();
    const a = l.launch();
    const exits: string[] = [];
    a.onExit((_code, detail) => exits.push(detail));
    a.send(RUN);
    expect(windows[0].ports[0].posted).toEqual([RUN]);
    a.kill();
    expect(windows[0].ports[0].posted.at(-1)).toEqual({ type: 'retire' });
    expect(windows[0].ports[0].closed).toBe(true);
    expect(exits).toEqual(['retired']);
    l.launch();
    expect(windows).toHaveLength(1);
    expect(windows[0].ports).toHaveLength(2);
    expect(windows[0].destroyed).toBe(false);
  });

  it('a page silent for over a second mid-run is destroyed on kill, and the next launch opens a new window', () => {
    const l = launcher();
    const a = l.launch();
    a.send(RUN);
    vi.advanceTimersByTime(1500);
    a.kill();
    expect(windows[0].destroyed).toBe(true);
    l.launch();
    expect(windows).toHaveLength(2);
  });

  it('a page that keeps answering is not destroyed', () => {
    const l = launcher();
    const a = l.launch();
    a.send(RUN);
    vi.advanceTimersByTime(1500);
    windows[0].ports[0].reply({ type: 'progress', runId: 1, steps: 3 });
    a.kill();
    expect(windows[0].destroyed).toBe(false);
  });

  it('a gone renderer ends every session with its reason, and messages after exit are dropped', () => {
    const l = launcher();
    const a = l.launch();
    const got: unknown[] = [];
    const exits: string[] = [];
    a.onMessage((m) => got.push(m));
    a.onExit((_c, d) => exits.push(d));
    windows[0].kill('crashed');
    windows[0].ports[0].reply({ type: 'ready' });
    expect(exits).toEqual(['crashed']);
    expect(got).toEqual([]);
    l.launch();
    expect(windows).toHaveLength(2);
  });

  it('kill(whole) destroys the window (its process is over a budget), and the next launch opens a new one', () => {
    const l = launcher();
    const a = l.launch();
    const exits: string[] = [];
    a.onExit((_c, d) => exits.push(d));
    a.kill(true);
    expect(windows[0].destroyed).toBe(true);
    expect(exits).toEqual(['over a budget']);
    l.launch();
    expect(windows).toHaveLength(2);
  });

  it("a session's usage is its window's", () => {
    const l = launcher();
    const a = l.launch();
    windows[0].usage = () => ({ rssMb: 512, cpuMs: 70 });
    expect(a.usage?.()).toEqual({ rssMb: 512, cpuMs: 70 });
  });

  it('dispose destroys the window', () => {
    const l = launcher();
    l.launch();
    l.dispose();
    expect(windows[0].destroyed).toBe(true);
  });
});

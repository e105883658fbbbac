// main's Electron adapter for the engine window (main/engine-window/engine-window.ts) against the
// electron stand-in: the window's sandboxing, the session's port after the page loads, each
// run's trace channel (one end with the run to the page, the other to the UI window's preload),
// the renderer's usage from app metrics, and a gone renderer reported once.
import { beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, MessageChannelMain } from 'electron';
import { ENGINE_PORT_CHANNEL, TRACE_PORT_CHANNEL } from '../../engine/chromium/port';
import { openEngineWindow, uiTraceSink } from '../../main/engine-window/engine-window';
import { ENGINE_URL } from '../../main/engine-window/request-filter';

type Fake = {
  BrowserWindow: { created: FakeWindow[] };
  MessageChannelMain: { created: { port1: FakePort; port2: FakePort }[] };
};
type FakePort = { postMessage: { mock: { calls: unknown[][] } } };
type FakeWindow = {
  options: { webPreferences: Record<string, unknown> };
  loadURL: { mock: { calls: unknown[][] } };
  webContents: {
    postMessage: { mock: { calls: unknown[][] } };
    emit(event: string, ...args: unknown[]): void;
  };
  destroy(): void;
};
const fake = { BrowserWindow, MessageChannelMain } as unknown as Fake;

const RUN = { type: 'run', runId: 1 } as never;

describe('the engine window', () => {
  beforeEach(() => {
    fake.BrowserWindow.created.length = 0;
    fake.MessageChannelMain.created.length = 0;
  });

  const open = (traceSink?: () => ((port: unknown) => void) | null) => {
    const w = openEngineWindow({
      engineDir: '/app/out/engine',
      preload: '/app/out/preload/engine-port.cjs',
      ...(traceSink ? { traceSink } : {}),
    } as never);
    return { w, win: fake.BrowserWindow.created.at(-1)! };
  };

  it('is hidden and sandboxed, with no Node, on its own partition, and loads the engine page', () => {
    const { win } = open();
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        preload: '/app/out/preload/engine-port.cjs',
        backgroundThrottling: false,
      },
    });
    expect(win.loadURL.mock.calls).toEqual([[ENGINE_URL]]);
  });

  it("hands the page a session's port once it has loaded", () => {
    const { w, win } = open();
    w.openPort();
    expect(win.webContents.postMessage.mock.calls).toEqual([]);
    win.webContents.emit('did-finish-load');
    const [session] = fake.MessageChannelMain.created;
    expect(win.webContents.postMessage.mock.calls).toEqual([[ENGINE_PORT_CHANNEL, null, [session.port2]]]);
  });

  it("sends each run with a new trace channel: one end to the page, the other to the UI's preload", () => {
    const ui = new BrowserWindow() as unknown as FakeWindow;
    const { w } = open(uiTraceSink(() => ui as never) as never);
    const port = w.openPort();
    port.postRun!(RUN);
    port.postRun!(RUN);
    const [session, trace1, trace2] = fake.MessageChannelMain.created;
    expect(session.port1.postMessage.mock.calls).toEqual([
      [RUN, [trace1.port1]],
      [RUN, [trace2.port1]],
    ]);
    expect(ui.webContents.postMessage.mock.calls).toEqual([
      [TRACE_PORT_CHANNEL, null, [trace1.port2]],
      [TRACE_PORT_CHANNEL, null, [trace2.port2]],
    ]);
  });

  it('without a UI window, a run goes alone and its trace comes back through main', () => {
    const ui = new BrowserWindow() as unknown as FakeWindow;
    ui.destroy();
    const { w } = open(uiTraceSink(() => ui as never) as never);
    w.openPort().postRun!(RUN);
    const [session, ...rest] = fake.MessageChannelMain.created;
    expect(rest).toEqual([]);
    expect(session.port1.postMessage.mock.calls).toEqual([[RUN]]);
  });

  it("reads the renderer's memory and CPU time from app metrics, by its pid", () => {
    const { w } = open();
    (app.getAppMetrics as unknown as { mockReturnValueOnce(v: unknown): void }).mockReturnValueOnce([
      { pid: 99, memory: { workingSetSize: 1 }, cpu: { cumulativeCPUUsage: 1 } },
      { pid: 4321, memory: { workingSetSize: 2048 * 1024 }, cpu: { cumulativeCPUUsage: 2.5 } },
    ]);
    expect(w.pid).toBe(4321);
    expect(w.usage!()).toEqual({ rssMb: 2048, cpuMs: 2500 });
  });

  it('reports a gone renderer once, with its reason', () => {
    const { w, win } = open();
    const gone: string[] = [];
    w.onGone((why) => gone.push(why));
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    win.destroy();
    expect(gone).toEqual(["the engine window's process is gone (oom, exit code 9)"]);
  });
});

// The app's engine host, seen from main: the engine page in a hidden, sandboxed window
// (engine-window.ts makes it; tests make a Playwright page play it). Each EngineChild the
// SimService starts is a new MessagePort session with that one page: the page runs every
// program in a fresh worker from its warm standby, so "replacing the engine process" after a
// cancel or a runaway costs a port, not a Pyodide start. Only when the page itself stops
// answering, its renderer process is gone, or the SimService finds the process over a budget
// (memory, CPU time while idle: main/host/usage-watch.ts) is the window destroyed and a new
// one opened. Electron-free: the window is injected.
import type { EngineChild, EngineLauncher } from '../host/launcher';
import type { HostMessage } from '../../engine/protocol';
import { processUsage, type ProcessUsage } from '../host/process-usage';

/** One end of a MessageChannel to the engine page (MessagePortMain in the app). */
export interface EnginePort {
  postMessage(message: unknown): void;
  /**
   * A run message, with a new channel for its trace: one end goes with the message to the
   * page, the other to the UI (engine/chromium/trace-delivery.ts). Absent where there is no
   * UI to deliver to (the tests' window): the trace then comes back on this port.
   */
  postRun?(message: HostMessage): boolean;
  onMessage(listener: (data: unknown) => void): void;
  close(): void;
}

/** The engine page as main holds it. */
export interface EngineWindow {
  /** The renderer's OS process id, once known. */
  readonly pid: number | undefined;
  /** The renderer's memory and CPU time, read from outside it; without it, by pid (process-usage.ts). */
  usage?(): ProcessUsage | null;
  /** A new session: a fresh MessageChannel whose other end goes to the page. */
  openPort(): EnginePort;
  /** Once, when the page's renderer is gone (crashed, killed, destroyed). */
  onGone(listener: (why: string) => void): void;
  destroy(): void;
}

/** A page that has said nothing for this long during a run is hung (it beats every 250 ms). */
const PAGE_SILENT_MS = 1000;

export interface ChromiumLauncher extends EngineLauncher {
  /** Destroys the engine window (app shutdown). */
  dispose(): void;
}

export function createChromiumLauncher(openWindow: () => EngineWindow): ChromiumLauncher {
  let win: EngineWindow | null = null;
  let gone: string | null = null;
  const goneListeners = new Set<(why: string) => void>();

  const current = (): EngineWindow => {
    if (win && gone === null) return win;
    const w = openWindow();
    win = w;
    gone = null;
    w.onGone((why) => {
      if (win !== w) return;
      gone = why;
      for (const l of [...goneListeners]) l(why);
    });
    return w;
  };

  return {
    describe: 'a hidden sandboxed Chromium window (engine page and a dedicated Worker per run)',
    launch(): EngineChild {
      const w = current();
      const port = w.openPort();
      let exited = false;
      let running = false;
      let lastHeard = performance.now();
      const exitListeners: ((code: number | null, detail: string) => void)[] = [];
      const exit = (detail: string): void => {
        if (exited) return;
        exited = true;
        goneListeners.delete(onGone);
        for (const l of exitListeners) l(null, detail);
      };
      const onGone = (why: string): void => exit(why);
      goneListeners.add(onGone);
      port.onMessage(() => {
        lastHeard = performance.now();
      });
      return {
        get pid() {
          return w.pid;
        },
        send(message: HostMessage) {
          if (exited) return;
          running = true;
          lastHeard = performance.now();
          if (port.postRun) return port.postRun(message);
          port.postMessage(message);
          return false;
        },
        onMessage(listener) {
          port.onMessage((data) => {
            if (!exited) listener(data);
          });
        },
        onExit(listener) {
          exitListeners.push(listener);
        },
        usage: () => (w.usage ? w.usage() : processUsage(w.pid)),
        kill(whole = false) {
          if (exited) return;
          const hung = running && performance.now() - lastHeard > PAGE_SILENT_MS;
          port.postMessage({ type: 'retire' });
          port.close();
          exit(hung ? 'the engine page stopped answering' : whole ? 'over a budget' : 'retired');
          if ((hung || whole) && win === w) {
            gone = 'destroyed';
            w.destroy();
          }
        },
      };
    },
    dispose() {
      const w = win;
      win = null;
      w?.destroy();
    },
  };
}

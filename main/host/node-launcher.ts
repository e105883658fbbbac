// Starts the engine as a Node child process under the permission model, on a Node that denies
// it the network (engine-runtime.ts: this Node if >= 25, else the pinned platform package): the
// terminal mode's and the Node-side tests' engine (the app's runs in engine/chromium/).
// The child gets an empty environment (nothing of the user's: tokens, NODE_OPTIONS), a V8 heap
// cap, and two plain pipes for the protocol (frames.ts): fd 4 for the host's messages, fd 3 for
// its own. No stdin (Python's input() sees EOF); stdout is ignored; stderr is kept for the error
// a crash reports.
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { EngineChild, EngineLauncher } from './launcher';
import { findEngineRuntime, type EngineRuntime } from './engine-runtime';
import { createFrameReader, encodeFrame } from '../../engine/node/frames';
import { permissionFlags } from '../../engine/node/permission-flags';

/** Keep this much of the child's stderr for the error a crash reports. */
const STDERR_TAIL = 4000;
/** V8's old-space cap for the engine process, in MB (the trace is built there). */
export const DEFAULT_JS_HEAP_MB = 2048;

export interface NodeLauncherOptions {
  /** The engine-process entry (a bundled .js/.mjs file). */
  entry: string;
  /** Folders the engine may read: its bundle and Pyodide. Nothing else. */
  readPaths: readonly string[];
  /** Leave containment off (a diagnostic switch; the host reports contained=false). */
  uncontained?: boolean;
  /** --max-old-space-size for the engine process (default 2048 MB). */
  jsHeapMb?: number;
  /** Which Node runs the engine (default: findEngineRuntime(), which throws if there is none). */
  runtime?: EngineRuntime;
}

export function createNodeLauncher(options: NodeLauncherOptions): EngineLauncher {
  const runtime: EngineRuntime = options.runtime ?? findEngineRuntime();
  const heap = `--max-old-space-size=${options.jsHeapMb ?? DEFAULT_JS_HEAP_MB}`;
  const execArgv = options.uncontained
    ? [heap]
    : [...permissionFlags(options.readPaths, runtime.flags), heap];
  return {
    describe: `Node ${runtime.version} (${runtime.source}) child process${options.uncontained ? ' (uncontained)' : ''}`,
    runtime: {
      version: runtime.version,
      source: runtime.source,
      networkDenied: runtime.networkDenied && !options.uncontained,
      execPath: runtime.execPath,
    },
    launch(): EngineChild {
      const env: Record<string, string> = {};
      // Windows processes misbehave without these two; they name system folders, nothing secret.
      for (const name of ['SystemRoot', 'windir']) {
        const value = process.env[name];
        if (value) env[name] = value;
      }
      const child = spawn(runtime.execPath, [...execArgv, options.entry], {
        env,
        // stdin stays empty: Pyodide reads fd 0 for Python's input(), which must see EOF, not
        // the host's messages. fd 3: the engine's frames; fd 4: the host's.
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const toEngine = child.stdio[4] as Writable;
      const fromEngine = child.stdio[3] as Readable;
      let tail = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-STDERR_TAIL);
      });
      // A message to a child that just died must not throw into the host.
      child.on('error', () => {});
      toEngine.on('error', () => {});
      fromEngine.on('error', () => {});
      const messageListeners: ((m: unknown) => void)[] = [];
      const errorListeners: ((why: string) => void)[] = [];
      const reader = createFrameReader(
        (value) => {
          for (const l of messageListeners) l(value);
        },
        (why) => {
          for (const l of errorListeners) l(why);
        },
      );
      fromEngine.on('data', (chunk: Buffer) => reader.push(chunk));
      let gone = false;
      child.once('exit', () => (gone = true));
      return {
        pid: child.pid,
        send(message) {
          if (!gone && toEngine.writable) toEngine.write(encodeFrame(message));
        },
        onMessage(listener) {
          messageListeners.push(listener);
        },
        onProtocolError(listener) {
          errorListeners.push(listener);
        },
        onExit(listener) {
          child.once('exit', (code) => listener(code, tail.trim()));
        },
        kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      };
    },
  };
}

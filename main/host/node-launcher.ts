// Starts the engine as a Node child process under the permission model. In Electron main the
// same code forks Electron's own binary in Node mode (ELECTRON_RUN_AS_NODE), because
// utilityProcess.fork ignores --permission (see README.md); this needs the RunAsNode fuse on.
// The child gets an empty environment: nothing of the user's (tokens, NODE_OPTIONS) leaks in.
import { fork } from 'node:child_process';
import type { EngineChild, EngineLauncher } from './launcher';
import { permissionFlags } from '../../engine/node/permission-flags';

/** Keep this much of the child's stderr for the error a crash reports. */
const STDERR_TAIL = 4000;

export interface NodeLauncherOptions {
  /** The engine-process entry (a bundled .js/.mjs file). */
  entry: string;
  /** Folders the engine may read: its bundle and Pyodide. Nothing else. */
  readPaths: readonly string[];
  /** Leave containment off (a diagnostic switch; the host reports contained=false). */
  uncontained?: boolean;
}

export function createNodeLauncher(options: NodeLauncherOptions): EngineLauncher {
  const inElectron = typeof process.versions['electron'] === 'string';
  const execArgv = options.uncontained ? [] : permissionFlags(options.readPaths);
  return {
    describe: `${inElectron ? 'Electron in Node mode' : 'Node'} child process${options.uncontained ? ' (uncontained)' : ''}`,
    launch(): EngineChild {
      const env: Record<string, string> = inElectron ? { ELECTRON_RUN_AS_NODE: '1' } : {};
      // Windows processes misbehave without these two; they name system folders, nothing secret.
      for (const name of ['SystemRoot', 'windir']) {
        const value = process.env[name];
        if (value) env[name] = value;
      }
      const child = fork(options.entry, [], {
        execPath: process.execPath,
        execArgv,
        env,
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let tail = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-STDERR_TAIL);
      });
      // A message to a child that just died must not throw into the host.
      child.on('error', () => {});
      return {
        pid: child.pid,
        send(message) {
          if (child.connected) child.send(message);
        },
        onMessage(listener) {
          child.on('message', listener);
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

// Starts the engine with Electron's utilityProcess: the fallback when the app cannot fork its
// binary in Node mode (the RunAsNode fuse is off). Electron's utility processes do not apply
// Node's --permission flags, so the engine reports itself uncontained and the app says so.
// Electron's module is passed in: this file never imports 'electron' (tests load the host).
import type { EngineChild, EngineLauncher } from './launcher';

/** The part of Electron's utilityProcess module this launcher uses. */
export interface UtilityProcessModule {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'pipe' | 'ignore' | 'inherit'; env?: Record<string, string> },
  ): UtilityProcessLike;
}

export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  once(event: 'exit', listener: (code: number) => void): void;
  kill(): boolean;
}

export function createUtilityLauncher(utilityProcess: UtilityProcessModule, entry: string): EngineLauncher {
  return {
    describe: 'Electron utility process (uncontained: no permission model)',
    launch(): EngineChild {
      const child = utilityProcess.fork(entry, [], {
        serviceName: 'Loopscope engine',
        stdio: 'ignore',
        env: {},
      });
      let alive = true;
      child.once('exit', () => {
        alive = false;
      });
      return {
        pid: child.pid,
        send: (message) => {
          if (alive) child.postMessage(message);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => child.once('exit', (code) => listener(code, '')),
        kill: () => {
          if (alive) child.kill();
        },
      };
    },
  };
}

// How the host starts an engine process, behind one small interface: a Node child process
// (node-launcher.ts: the CLI and the Node-side tests), Electron's utilityProcess
// (utility-launcher.ts), or a session with the engine page in a hidden sandboxed window (the
// app: main/engine-window/chromium-launcher.ts). The rest of the host never knows which.
// What a child says is untrusted: `onMessage` gets decoded values (the handle schema-checks
// them), `onProtocolError` a frame that did not decode.
import type { HostMessage } from '../../engine/protocol';
import type { ProcessUsage } from './process-usage';

export interface EngineChild {
  readonly pid: number | undefined;
  /** Returns true when a trace port went with a run message (the app's engine page only). */
  send(message: HostMessage): boolean | void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the child wrote something that is not a frame of the protocol. */
  onProtocolError?(listener: (why: string) => void): void;
  /** Once, when the process is gone for any reason; `detail` is its last stderr lines, if any. */
  onExit(listener: (code: number | null, detail: string) => void): void;
  /**
   * Ends this engine. `whole`: the process it runs in is over a budget (memory, idle CPU), so
   * the process goes too, where the child is one session of a longer-lived process.
   */
  kill(whole?: boolean): void;
  /** Memory and CPU time of the process, read from outside it; without it, `process-usage.ts` by pid. */
  usage?(): ProcessUsage | null;
}

export interface EngineLauncher {
  /** For people and AppInfo: how this launcher contains the engine. */
  readonly describe: string;
  /** The Node that runs the engine and whether it denies the network (Node launchers only). */
  readonly runtime?: { version: string; source: string; networkDenied: boolean; execPath: string };
  launch(): EngineChild;
}

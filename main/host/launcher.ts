// How the host starts an engine process, behind one small interface: a Node child process
// (node-launcher.ts: the CLI and the Node-side tests), Electron's utilityProcess
// (utility-launcher.ts), or a session with the engine page in a hidden sandboxed window (the
// app: main/engine-window/chromium-launcher.ts). The rest of the host never knows which.
import type { HostMessage } from '../../engine/protocol';

export interface EngineChild {
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process is gone for any reason; `detail` is its last stderr lines, if any. */
  onExit(listener: (code: number | null, detail: string) => void): void;
  kill(): void;
}

export interface EngineLauncher {
  /** For people and AppInfo: how this launcher contains the engine. */
  readonly describe: string;
  launch(): EngineChild;
}

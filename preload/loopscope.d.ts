// The one API the renderer sees: window.loopscope. The preload implements it with one
// function per IPC message; the renderer reads it only through renderer/src/bridge.ts.
// Every call rejects with an Error whose message is fit to show a person.

import type { RunOptions, Trace } from '../common/trace';

export interface RunRequest {
  source: string;
  fileName: string;
  options?: Partial<RunOptions>;
}

export interface SimProgress {
  phase: 'starting' | 'running';
  /** Loop steps simulated so far (running phase). */
  steps: number;
  /** 0..1 when known (Python start-up), -1 when open-ended. */
  fraction: number;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** False when the engine runs without Node's permission model (shown as a warning). */
  contained: boolean;
}

export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:saveAs'
  | 'view:presentation'
  | 'view:internals'
  | 'view:compare'
  | 'player:play'
  | 'player:stepForward'
  | 'player:stepBack'
  | 'player:start'
  | 'player:end'
  | 'help:about';

export interface LoopscopeApi {
  sim: {
    run(request: RunRequest): Promise<Trace>;
    cancel(): Promise<void>;
    onProgress(listener: (progress: SimProgress) => void): () => void;
  };
  app: {
    info(): Promise<AppInfo>;
    onMenu(listener: (command: MenuCommand) => void): () => void;
  };
}

declare global {
  interface Window {
    readonly loopscope: LoopscopeApi;
  }
}

// One engine process as the host sees it: starting (with a load fraction), ready (with its
// containment report), running one program, or gone. Every message is validated; a process
// that exits fails whatever waited on it, so a crash is an error for the caller, never a hang.
import { performance } from 'node:perf_hooks';
import type { Trace } from '../../common/trace';
import type { EngineChild, EngineLauncher } from './launcher';
import { engineMessage, type ContainmentReport, type EngineMessage, type HostMessage } from '../../engine/protocol';

export type RunReply =
  | { kind: 'result'; trace: Trace; tainted: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'exited'; message: string };

interface PendingRun {
  runId: number;
  onProgress: (steps: number) => void;
  resolve: (reply: RunReply) => void;
}

export class EngineHandle {
  private readonly child: EngineChild;
  readonly startedAt = performance.now();
  /** When the process last said anything: the host's watchdog reads it. */
  lastHeardAt = performance.now();
  loadMs = 0;
  containment: ContainmentReport | null = null;
  exited = false;
  /** The running program has ended and its trace is being copied over (the step watchdog stands down). */
  finishing = false;
  private pending: PendingRun | null = null;
  private loadingListeners = new Set<(fraction: number) => void>();
  readonly ready: Promise<ContainmentReport>;

  constructor(launcher: EngineLauncher) {
    this.child = launcher.launch();
    this.ready = new Promise<ContainmentReport>((resolve, reject) => {
      this.child.onMessage((raw) => {
        const parsed = engineMessage.safeParse(raw);
        if (!parsed.success) return;
        this.lastHeardAt = performance.now();
        const m = parsed.data;
        if (m.type === 'ready') {
          this.loadMs = m.loadMs;
          this.containment = m.containment;
          resolve(m.containment);
        } else if (m.type === 'startFailed') reject(new Error(m.message));
        else this.dispatch(m);
      });
      this.child.onExit((code, detail) => {
        this.exited = true;
        const why = `the engine process stopped (exit code ${code ?? 'none'})${detail ? `: ${lastLine(detail)}` : ''}`;
        reject(new Error(why));
        const p = this.pending;
        this.pending = null;
        p?.resolve({ kind: 'exited', message: why });
      });
    });
    this.ready.catch(() => {}); // observed by whoever awaits it; never an unhandled rejection
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  onLoading(listener: (fraction: number) => void): () => void {
    this.loadingListeners.add(listener);
    return () => this.loadingListeners.delete(listener);
  }

  run(message: HostMessage, onProgress: (steps: number) => void): Promise<RunReply> {
    if (this.exited) return Promise.resolve({ kind: 'exited', message: 'the engine process has stopped' });
    if (this.pending) return Promise.resolve({ kind: 'failed', message: 'the engine process is busy' });
    return new Promise<RunReply>((resolve) => {
      this.pending = { runId: message.runId, onProgress, resolve };
      this.finishing = false;
      this.lastHeardAt = performance.now();
      this.child.send(message);
    });
  }

  kill(): void {
    this.child.kill();
  }

  private dispatch(m: EngineMessage): void {
    if (m.type === 'loading') {
      for (const l of this.loadingListeners) l(m.fraction);
      return;
    }
    const p = this.pending;
    if (!p || !('runId' in m) || m.runId !== p.runId) return;
    if (m.type === 'progress') p.onProgress(m.steps);
    else if (m.type === 'finishing') this.finishing = true;
    else if (m.type === 'result') {
      this.pending = null;
      p.resolve({ kind: 'result', trace: m.trace, tainted: m.tainted });
    } else if (m.type === 'failed') {
      this.pending = null;
      p.resolve({ kind: 'failed', message: m.message });
    }
  }
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

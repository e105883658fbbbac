// One engine process as the host sees it: starting (with a load fraction), ready (with its
// containment report), running one program, or gone. Every message is validated; a process
// that exits fails whatever waited on it, so a crash is an error for the caller, never a hang.
// What the process says is untrusted (it runs the program): a frame that does not decode, does
// not fit the protocol, or lacks the run's secret ends the run as `forged`, and the host
// retires the process. Nothing such a frame says is ever passed on.
import { performance } from 'node:perf_hooks';
import type { Trace, TraceReceipt } from '../../common/trace';
import type { EngineChild, EngineLauncher } from './launcher';
import { processUsage, type ProcessUsage } from './process-usage';
import {
  engineMessage,
  type ContainmentReport,
  type EngineMessage,
  type HostMessage,
} from '../../engine/protocol';

export type RunReply =
  | { kind: 'result'; trace: Trace; tainted: boolean }
  /** The trace went to the UI over its trace port (the app's engine page); the host has its end. */
  | { kind: 'delivered'; receipt: TraceReceipt; tainted: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'exited'; message: string }
  | { kind: 'forged'; message: string };

interface PendingRun {
  runId: number;
  secret: string;
  /** Whether a trace port went with the run: only then may the engine answer 'delivered'. */
  tracePort: boolean;
  onProgress: (steps: number) => void;
  resolve: (reply: RunReply) => void;
}

export class EngineHandle {
  private readonly child: EngineChild;
  readonly startedAt = performance.now();
  /** When the process last said anything: the host's watchdog reads it. */
  lastHeardAt = performance.now();
  loadMs = 0;
  /** How the engine started, where it says (the Node host's engine does). */
  startedFrom: 'snapshot' | 'own snapshot' | undefined;
  containment: ContainmentReport | null = null;
  exited = false;
  /** The process sent something outside the protocol: it is never given another run. */
  violated = false;
  /** The running program has ended and its trace is being copied over (the step watchdog stands down). */
  finishing = false;
  private pending: PendingRun | null = null;
  private loadingListeners = new Set<(fraction: number) => void>();
  readonly ready: Promise<ContainmentReport>;

  constructor(launcher: EngineLauncher) {
    this.child = launcher.launch();
    this.ready = new Promise<ContainmentReport>((resolve, reject) => {
      const violation = (why: string): void => {
        if (this.violated) return;
        this.violated = true;
        const message = `the engine process sent a message that is not the engine's (${why}); the run was stopped and the engine replaced`;
        reject(new Error(message));
        const p = this.pending;
        this.pending = null;
        p?.resolve({ kind: 'forged', message });
      };
      this.child.onProtocolError?.((why) => violation(why));
      this.child.onMessage((raw) => {
        if (this.violated) return;
        const parsed = engineMessage.safeParse(raw);
        if (!parsed.success) {
          violation('it does not fit the protocol');
          return;
        }
        const m = parsed.data;
        if ('secret' in m) {
          // Run-tagged: only for the run in flight, and only with its secret.
          if (!this.pending || m.runId !== this.pending.runId || m.secret !== this.pending.secret) {
            violation("it does not carry the run's secret");
            return;
          }
          if (m.type === 'delivered' && !this.pending.tracePort) {
            violation('it says it delivered a trace, but no trace port went with the run');
            return;
          }
        } else if (this.containment && m.type !== 'loading') {
          violation(`an unexpected '${m.type}' message`);
          return;
        }
        this.lastHeardAt = performance.now();
        if (m.type === 'ready') {
          this.loadMs = m.loadMs;
          this.startedFrom = m.startedFrom;
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
      const pending: PendingRun = {
        runId: message.runId,
        secret: message.secret,
        tracePort: false,
        onProgress,
        resolve,
      };
      this.pending = pending;
      this.finishing = false;
      this.lastHeardAt = performance.now();
      pending.tracePort = this.child.send(message) === true;
    });
  }

  kill(whole = false): void {
    this.child.kill(whole);
  }

  /** Memory and CPU time of the process, read from outside it (null where it cannot be read). */
  usage(): ProcessUsage | null {
    return this.child.usage ? this.child.usage() : processUsage(this.pid);
  }

  private dispatch(m: EngineMessage): void {
    if (m.type === 'loading') {
      for (const l of this.loadingListeners) l(m.fraction);
      return;
    }
    const p = this.pending;
    if (!p || !('runId' in m)) return;
    if (m.type === 'progress') p.onProgress(m.steps);
    else if (m.type === 'finishing') this.finishing = true;
    else if (m.type === 'result') {
      this.pending = null;
      p.resolve({ kind: 'result', trace: m.trace, tainted: m.tainted });
    } else if (m.type === 'delivered') {
      this.pending = null;
      p.resolve({ kind: 'delivered', receipt: { delivered: m.delivery, end: m.end }, tainted: m.tainted });
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

// The engine processes the host keeps: the primary that runs programs and one warm standby that
// takes over at once when the primary is retired (cancelled, stopped by the watchdog, crashed),
// so replacing a process costs nobody a Pyodide start. The standby is started only after the
// primary is ready: two Pyodide loads at once would slow both on a two-core machine.
import { EngineHandle } from './engine-handle';
import type { EngineLauncher } from './launcher';

/** Start-up failures in a row after which the pool stops starting standbys on its own. */
const MAX_START_FAILURES = 3;

export class EnginePool {
  private primary: EngineHandle | null = null;
  private standby: EngineHandle | null = null;
  private startFailures = 0;
  private disposed = false;

  constructor(
    private readonly launcher: EngineLauncher,
    private readonly keepStandby: boolean,
  ) {}

  /** The process the next run goes to (started now if there is none). */
  take(): EngineHandle {
    if (this.disposed) throw new Error('the engine host has been shut down');
    if (!this.primary || this.primary.exited) {
      this.primary = this.standby && !this.standby.exited ? this.standby : this.spawn();
      this.standby = null;
      this.ensureStandby();
    }
    return this.primary;
  }

  /**
   * Kills `handle`; the standby (if warm) becomes the primary, and a new standby starts.
   * `whole`: the process itself is over a budget (see EngineChild.kill).
   */
  retire(handle: EngineHandle, whole = false): void {
    handle.kill(whole);
    if (handle === this.primary) {
      this.primary = null;
      if (!this.disposed) this.take();
    } else if (handle === this.standby) {
      this.standby = null;
      this.ensureStandby();
    }
  }

  /** The processes alive now, primary first (for tests and measurements). */
  handles(): { primary: EngineHandle | null; standby: EngineHandle | null } {
    return { primary: this.primary, standby: this.standby };
  }

  dispose(): void {
    this.disposed = true;
    this.primary?.kill();
    this.standby?.kill();
    this.primary = this.standby = null;
  }

  private spawn(): EngineHandle {
    const handle = new EngineHandle(this.launcher);
    handle.ready.then(
      () => {
        this.startFailures = 0;
      },
      () => {
        this.startFailures++;
        if (handle === this.standby) this.standby = null;
        if (handle === this.primary) this.primary = null;
      },
    );
    return handle;
  }

  private ensureStandby(): void {
    if (!this.keepStandby || this.disposed || this.standby || this.startFailures >= MAX_START_FAILURES)
      return;
    const primary = this.primary;
    const start = (): void => {
      if (this.disposed || this.standby || this.primary !== primary) return;
      const handle = this.spawn();
      this.standby = handle;
      handle.ready.then(
        () => {},
        () => {
          if (this.standby === handle) this.standby = null;
          this.ensureStandby();
        },
      );
    };
    if (primary) primary.ready.then(start, start);
    else start();
  }
}

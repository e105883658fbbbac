// The SimService main/ipc/handlers.ts expects, for one window: runs go to a contained engine
// process (engine-pool.ts), one at a time (a new run cancels the one in flight, and nothing of
// the old run is delivered after), with progress, cancel and a watchdog (run-watchdog.ts): a
// step that does not yield is interrupted in place when the engine allows it, and otherwise (or
// if the program swallows the interrupt) the process is replaced by the standby.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Trace, TraceReceipt } from '../../common/trace';
import { MAX_SOURCE_BYTES } from '../../common/limits';
import type { SimService } from '../ipc/handlers';
import type { RunRequest, SimProgress } from '../../common/apiTypes';
import {
  CLI_BUDGET_SETTINGS,
  DEFAULT_MEMORY_CAP_MB,
  DEFAULT_STEP_BUDGET_MS,
  DEFAULT_WALL_BUDGET_MS,
  namedForHost,
  type BudgetSettings,
} from '../../engine/core/budgets';
import type { EngineHandle } from './engine-handle';
import { EngineUsage } from './engine-usage';
import { EnginePool } from './engine-pool';
import type { EngineLauncher } from './launcher';
import { COMPILE_MS_PER_CHAR, watchRun } from './run-watchdog';
import { DEFAULT_IDLE_CPU_BUDGET_MS } from './usage-watch';
import type { ContainmentReport } from '../../engine/protocol';

export { DEFAULT_STEP_BUDGET_MS };
/** After the budget, the in-place interrupt gets this long to end the run before the process goes. */
const DEFAULT_INTERRUPT_GRACE_MS = 1500;
/** A finished run's trace may take this long to arrive (a million steps is a large copy). */
const DEFAULT_TRANSFER_TIMEOUT_MS = 60_000;
const DEFAULT_START_TIMEOUT_MS = 90_000;

export interface SimServiceOptions {
  /** How to start engine processes: a Node child (node-launcher.ts) or the app's engine window. */
  launcher: EngineLauncher;
  /** Wall time one step may run without yielding (default 2 s). */
  stepBudgetMs?: number;
  interruptGraceMs?: number;
  transferTimeoutMs?: number;
  startTimeoutMs?: number;
  /** Keep a warm standby process (default true). */
  standby?: boolean;
  /**
   * Wall time a whole run may take, enforced from outside (default 120 s), whatever the engine
   * process says (heartbeats come from inside the process the program runs in, so they cannot
   * extend it): a teacher's long computation is not a runaway, so it is a setting.
   */
  wallBudgetMs?: number;
  /**
   * Memory an engine process may use, in MB (default 4096): its resident memory (wasm heap, V8
   * heap, ArrayBuffers: all of it), sampled from outside it (the engine window's renderer, in
   * the app). Over it, the process itself is stopped and replaced.
   */
  memoryCapMb?: number;
  /** What raises each budget, for the messages (default: the CLI's --wall-budget, --memory-cap). */
  budgetSettings?: BudgetSettings;
  /** CPU time an idle engine may use within 30 s (default 1 s) before it is replaced. */
  idleCpuBudgetMs?: number;
  /**
   * A new engine process for every run (default true): nothing one program leaves behind (files
   * in the in-memory file system, modules, JavaScript prototypes, pending callbacks) can reach
   * the next. False reuses a process until it is retired (faster; for trusted programs only).
   */
  freshProcessPerRun?: boolean;
}

export interface HostedSimService extends SimService {
  /** Whether the engine runs contained, as far as known now (false until a process has said so). */
  contained(): boolean;
  /** The first ready process's own report. */
  containment(): Promise<ContainmentReport>;
  /** How the first process started (from the host's snapshot or its own), where it says. */
  startedFrom(): Promise<'snapshot' | 'own snapshot' | undefined>;
  /** The pids of the primary and standby processes (tests kill them; measurements watch them). */
  pids(): { primary?: number; standby?: number };
  /** New budgets, from the next run (and the next sample) on: the app's settings changed. */
  setBudgets(budgets: { wallBudgetMs: number; memoryCapMb: number; stepBudgetMs?: number }): void;
  /** Resolves when the primary and the standby (if kept) have loaded Python. */
  warm(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The trace itself, where the caller has no UI for a receipt to go with (the CLI, the tests):
 * only an engine given a trace port (the app's) answers with receipts.
 */
export function expectTrace(result: Trace | TraceReceipt): Trace {
  if ('delivered' in result) throw new Error('the engine sent its trace elsewhere');
  return result;
}

export class RunCancelled extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'RunCancelled';
  }
}

interface InFlight {
  runId: number;
  handle: EngineHandle | null;
  finish: (outcome: { trace: Trace | TraceReceipt } | { error: Error }) => void;
}

export function createSimService(options: SimServiceOptions): HostedSimService {
  const launcher = options.launcher;
  let budget = options.stepBudgetMs ?? DEFAULT_STEP_BUDGET_MS;
  const grace = options.interruptGraceMs ?? DEFAULT_INTERRUPT_GRACE_MS;
  const transferTimeout = options.transferTimeoutMs ?? DEFAULT_TRANSFER_TIMEOUT_MS;
  const startTimeout = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  // Whole ms and MB: what the engine is told (a fraction of either is nobody's intent).
  let wallBudget = Math.max(1, Math.round(options.wallBudgetMs ?? DEFAULT_WALL_BUDGET_MS));
  let memoryCap = Math.max(1, Math.round(options.memoryCapMb ?? DEFAULT_MEMORY_CAP_MB));
  const settings = options.budgetSettings ?? CLI_BUDGET_SETTINGS;
  const fresh = options.freshProcessPerRun ?? true;
  const pool = new EnginePool(launcher, options.standby ?? true);
  let lastRunId = 0;
  let inFlight: InFlight | null = null;
  let report: ContainmentReport | null = null;
  const usage = new EngineUsage(
    pool,
    () => memoryCap,
    options.idleCpuBudgetMs ?? DEFAULT_IDLE_CPU_BUDGET_MS,
    (h) => inFlight?.handle === h,
  );
  const first = pool.take();
  const firstReport = first.ready.then((r) => (report = r));
  firstReport.catch(() => {});

  const stopInFlight = (why: string): void => {
    const f = inFlight;
    if (!f) return;
    inFlight = null;
    if (f.handle) pool.retire(f.handle);
    f.finish({ error: new RunCancelled(why) });
  };

  async function waitReady(
    handle: EngineHandle,
    runId: number,
    onProgress: (p: SimProgress) => void,
  ): Promise<void> {
    if (handle.containment) return;
    onProgress({ phase: 'starting', steps: 0, fraction: 0 });
    const off = handle.onLoading((fraction) => {
      if (inFlight?.runId === runId) onProgress({ phase: 'starting', steps: 0, fraction });
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        handle.ready,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`the engine did not start within ${startTimeout / 1000} s`)),
            startTimeout,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
      off();
    }
    report = handle.containment;
    if (inFlight?.runId === runId) onProgress({ phase: 'starting', steps: 0, fraction: 1 });
  }

  async function execute(
    runId: number,
    request: RunRequest,
    onProgress: (p: SimProgress) => void,
  ): Promise<Trace | TraceReceipt> {
    const handle = pool.take();
    if (inFlight?.runId !== runId) throw new RunCancelled('run cancelled');
    await waitReady(handle, runId, onProgress);
    if (inFlight?.runId !== runId) throw new RunCancelled('run cancelled');
    inFlight.handle = handle;
    const runWallBudget = wallBudget;
    const reply = handle.run(
      {
        type: 'run',
        runId,
        secret: randomBytes(16).toString('hex'),
        source: request.source,
        fileName: request.fileName,
        options: request.options ?? {},
        stepBudgetMs: budget,
        firstStepBudgetMs: budget + request.source.length * COMPILE_MS_PER_CHAR,
        wallBudget: { ms: runWallBudget, setting: settings.wallBudget },
      },
      (steps) => {
        if (inFlight?.runId === runId) onProgress({ phase: 'running', steps, fraction: -1 });
      },
    );
    const r = await watchRun(
      handle,
      request,
      reply,
      {
        stepBudgetMs: budget,
        interruptGraceMs: grace,
        transferTimeoutMs: transferTimeout,
        wallBudgetMs: runWallBudget,
        memoryCapMb: () => memoryCap,
        settings,
      },
      {
        overMemory: (h) => usage.sample(h, true) !== null,
        retire: (h, whole) => pool.retire(h, whole),
      },
    );
    if (r.kind === 'exited') {
      pool.retire(handle);
      throw new Error(`${r.message}; the next run starts a fresh engine`);
    }
    if (r.kind === 'forged') {
      pool.retire(handle);
      throw new Error(r.message);
    }
    if (r.kind === 'failed') {
      if (fresh) pool.retire(handle);
      throw new Error(r.message);
    }
    if (r.tainted || fresh) pool.retire(handle);
    if (r.kind === 'delivered') return { ...r.receipt, end: namedForHost(r.receipt.end, settings) };
    r.trace.end = namedForHost(r.trace.end, settings);
    return r.trace;
  }

  return {
    run(request, onProgress) {
      stopInFlight('run cancelled: a newer run started');
      const runId = ++lastRunId;
      if (request.source.length > MAX_SOURCE_BYTES) {
        return Promise.reject(
          new Error(
            `programs are limited to ${MAX_SOURCE_BYTES.toLocaleString('en')} characters; this one has ${request.source.length.toLocaleString('en')}`,
          ),
        );
      }
      return new Promise<Trace | TraceReceipt>((resolve, reject) => {
        const flight: InFlight = {
          runId,
          handle: null,
          finish: (outcome) => ('trace' in outcome ? resolve(outcome.trace) : reject(outcome.error)),
        };
        inFlight = flight;
        execute(runId, request, onProgress).then(
          (trace) => {
            if (inFlight !== flight) return; // cancelled meanwhile: already settled
            inFlight = null;
            flight.finish({ trace });
          },
          (error: Error) => {
            if (inFlight !== flight) return;
            inFlight = null;
            flight.finish({ error });
          },
        );
      });
    },
    async cancel() {
      stopInFlight('run cancelled');
    },
    contained: () => report?.contained ?? false,
    setBudgets(budgets) {
      wallBudget = Math.max(1, Math.round(budgets.wallBudgetMs));
      memoryCap = Math.max(1, Math.round(budgets.memoryCapMb));
      if (budgets.stepBudgetMs) budget = Math.max(1, Math.round(budgets.stepBudgetMs));
    },
    containment: () => firstReport.then(() => report!),
    startedFrom: () => firstReport.then(() => first.startedFrom),
    pids() {
      const { primary, standby } = pool.handles();
      return { primary: primary?.pid, standby: standby?.pid };
    },
    async warm() {
      const t0 = performance.now();
      while (performance.now() - t0 < startTimeout) {
        const { primary, standby } = pool.handles();
        const needStandby = options.standby !== false;
        if (primary?.containment && (!needStandby || standby?.containment)) return;
        if (!primary) pool.take();
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async dispose() {
      usage.dispose();
      stopInFlight('the engine host is shutting down');
      pool.dispose();
    },
  };
}

// The messages between the host (main or the CLI) and the engine process, as zod schemas: both
// sides validate what they receive. The engine process runs untrusted code, so the host treats
// everything it says as untrusted input: every run-tagged message carries the run's secret, a
// random string the host sends with the run and the engine keeps in a closure Python holds no
// name for: a frame written by anything but the engine's own send path has no secret and ends
// the run as forged. A program that reaches JavaScript through Python's object graph can still
// tamper with its own run's trace by patching what that send path calls (main/host/README.md,
// "What a program that does reach JavaScript can still do"); never another run's. The trace's shape is checked down to its end (kind, message, exit status), and its
// events are checked where they are read (the CLI and the renderer treat them as data).
import { z } from 'zod';
import { END_KINDS, type Trace } from '../common/trace';

/** A count or size cap: a whole number, never negative. */
const cap = z.number().int().nonnegative();

const runOptions = z
  .object({
    seed: cap,
    maxSteps: cap,
    /** Virtual seconds: fractions are fine. */
    maxTime: z.number().nonnegative(),
    maxOutputBytes: cap,
    maxTasks: cap,
    maxStepLines: cap,
    maxSockets: cap,
    maxNetworkBytes: cap,
    maxThreads: cap,
    maxFileBytes: cap,
    /** Task state events (false: off). */
    capture: z.boolean(),
  })
  .partial()
  .strict();

export const hostMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    runId: z.number().int().positive(),
    /** Random per run; every message about the run must carry it back (forged frames do not). */
    secret: z.string().min(16),
    source: z.string(),
    fileName: z.string().min(1),
    options: runOptions,
    /** Wall-time budget for one step, in ms (the watchdog). */
    stepBudgetMs: z.number().positive(),
    /** The budget until the first step boundary, which includes parsing and compiling. */
    firstStepBudgetMs: z.number().positive(),
    /**
     * The run's wall-clock budget and what raises it (for the message). The host enforces it
     * from outside whatever the engine does; the Chromium page, outside its worker, does too,
     * so a runaway costs the worker, not the window.
     */
    wallBudget: z.object({ ms: z.number().int().positive(), setting: z.string().min(1).max(100) }).strict(),
  }),
]);
export type HostMessage = z.infer<typeof hostMessage>;

export const containmentReport = z.object({
  contained: z.boolean(),
  /** What is missing when not contained, one line each. */
  problems: z.array(z.string()),
  /** Whether this engine build lets the host interrupt Python in place (see engine-hooks.ts). */
  interrupts: z.boolean(),
});
export type ContainmentReport = z.infer<typeof containmentReport>;

/** How a run ended, as the host reports it (exit status, a cap's message). */
export const runEndShape = z
  .object({
    kind: z.enum(END_KINDS),
    message: z.string(),
    exitCode: z.number().int().min(0).max(255),
    line: z.number().optional(),
    column: z.number().optional(),
    option: z.string().optional(),
  })
  .strict();

/** The trace as far as the host reads it; its events and steps are data for the renderer. */
export const traceShape = z
  .object({
    version: z.number(),
    source: z.string(),
    fileName: z.string(),
    options: z.object({}).passthrough(),
    // Arrays, checked in O(1): a million-step trace is not walked twice on its way.
    actors: z.custom<unknown[]>(Array.isArray),
    steps: z.custom<unknown[]>(Array.isArray),
    events: z.custom<unknown[]>(Array.isArray),
    end: runEndShape,
  })
  .passthrough();

const secret = z.string().min(16);

export const engineMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loading'), fraction: z.number().min(0).max(1) }),
  z.object({
    type: z.literal('ready'),
    loadMs: z.number(),
    containment: containmentReport,
    /** Whether it started from the host's snapshot or had to make its own (engine-core.ts). */
    startedFrom: z.enum(['snapshot', 'own snapshot']).optional(),
  }),
  z.object({ type: z.literal('startFailed'), message: z.string() }),
  // Unchecked beyond its type: the Node engine validates what it sends, and a program that
  // patched JavaScript's prototypes must not be able to break that send mid-run.
  z.object({ type: z.literal('progress'), runId: z.number(), secret, steps: z.number() }),
  /** The program has ended; the trace is on its way (a large one takes a while to copy). */
  z.object({ type: z.literal('finishing'), runId: z.number(), secret }),
  z.object({
    type: z.literal('result'),
    runId: z.number(),
    secret,
    trace: z.custom<Trace>((v) => traceShape.safeParse(v).success),
    /** The run was interrupted in place: the host retires this process (its Python may be in any state). */
    tainted: z.boolean(),
  }),
  /**
   * The run's trace went to the UI over the trace port main gave the page (chromium/trace-delivery.ts):
   * the host gets its end and the delivery id, which it answers the UI with.
   */
  z.object({
    type: z.literal('delivered'),
    runId: z.number(),
    secret,
    delivery: z.string().min(16).max(64),
    end: runEndShape,
    tainted: z.boolean(),
  }),
  z.object({ type: z.literal('failed'), runId: z.number(), secret, message: z.string() }),
]);
export type EngineMessage = z.infer<typeof engineMessage>;

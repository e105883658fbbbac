// Where the engine is, seen from the engine process: which actor's step began when, and how
// many steps have run, for the watchdog and the progress messages. Stopgap: the engine has no
// step callback yet, so the probe wraps the step-boundary methods of its TraceRecorder (all
// runs share the class); replace it with the engine's own hook once one exists.
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../common/trace';
import { TraceRecorder } from '../engine/recorder';

export interface StepProbe {
  /** Steps begun since the run started. */
  readonly steps: number;
  /** performance.now() when the current step (or the stretch of top-level code) began. */
  readonly stepStartedAt: number;
  /** Who runs now, for people: "task worker-1", "the program's top level". */
  who(): string;
  /** A new run begins: counts and clocks start again. */
  reset(): void;
  /** Called at every step boundary (cheap; the caller rate-limits what it sends). */
  onBoundary: (() => void) | null;
}

type Method = (this: TraceRecorder, ...args: never[]) => unknown;
const TOP_LEVEL = 0;

export function installStepProbe(): StepProbe {
  let steps = 0;
  let stepStartedAt = performance.now();
  let actor = TOP_LEVEL;
  let recorder: TraceRecorder | null = null;
  const probe: StepProbe = {
    get steps() {
      return steps;
    },
    get stepStartedAt() {
      return stepStartedAt;
    },
    who() {
      if (actor === TOP_LEVEL || !recorder) return "the program's top level";
      const a: Actor | undefined = recorder.actors.find((x) => x.id === actor);
      if (!a) return `task #${actor}`;
      return a.kind === 'task' ? `task ${a.name}` : `callback ${a.name}`;
    },
    reset() {
      steps = 0;
      stepStartedAt = performance.now();
      actor = TOP_LEVEL;
      recorder = null;
    },
    onBoundary: null,
  };
  const proto = TraceRecorder.prototype as unknown as Record<string, Method>;
  /** Wraps a boundary method; `next` says which actor runs after it (undefined: unchanged). */
  const wrap = (
    name: string,
    counts: boolean,
    next: (args: unknown[], result: unknown) => number | undefined,
  ): void => {
    const original = proto[name];
    if (typeof original !== 'function') return;
    proto[name] = function (this: TraceRecorder, ...args: never[]) {
      const result = original.apply(this, args);
      const who = next(args, result);
      recorder = this as TraceRecorder; // the run's recorder, read by who()
      if (who !== undefined) {
        actor = who;
        if (counts) steps++;
      }
      stepStartedAt = performance.now();
      probe.onBoundary?.();
      return result;
    };
  };
  wrap('beforeRun', true, (args, ok) => (ok ? (args[0] as { actor: number }).actor : undefined));
  wrap('stepEnd', false, () => TOP_LEVEL);
  wrap('startMain', true, (args) => args[0] as number);
  wrap('splitMain', true, (args) => args[0] as number);
  wrap('resumeTop', false, () => TOP_LEVEL);
  return probe;
}

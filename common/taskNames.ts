// One naming scheme for tasks, used by everything that names one (stage, tooltips, narration,
// loop lane, console and end messages, timeline rows, the screen-reader mirror, `sim --steps`).
// A task's own name when the program set one; else its coroutine, told apart from its siblings
// by the first argument whose short repr differs between them (`job(3)`), else by creation
// order (`handle #17`). CPython's own names (`Task-1`) are there on request. Pure.
import type { Actor, ActorId, Trace, TraceEvent } from './trace';

export type TaskNaming = 'friendly' | 'cpython';

export interface TaskNames {
  /** By actor id (index 0 unused): the scheme's name. */
  friendly: string[];
  /** By actor id: CPython's name (`Task-3`, or the name the program gave). */
  cpython: string[];
}

/** asyncio's names for tasks not given one (`Task-3`). */
const DEFAULT_TASK_NAME = /^Task-\d+$/;

/**
 * A task as CPython's own reports name it, with its coroutine's qualname when the name is
 * asyncio's default: "Task-3 (report)". loop_warnings.py's _label says the same of a live task
 * (Python's reports); tests/engine/core/warnings.test.ts ('task labels') checks that they agree.
 */
export function cpythonLabel(a: Pick<Actor, 'kind' | 'name' | 'coro'>): string {
  return a.kind === 'task' && a.coro && DEFAULT_TASK_NAME.test(a.name) ? `${a.name} (${a.coro})` : a.name;
}
/** Longer reprs (a list, an object's repr) do not fit on a token and say little: number instead. */
export const MAX_ARG_REPR = 12;

/** `main.<locals>.worker` reads as `worker`: the qualname's last part after a function scope. */
export function shortCoro(qualname: string): string {
  const i = qualname.lastIndexOf('<locals>.');
  return i >= 0 ? qualname.slice(i + '<locals>.'.length) : qualname;
}

/**
 * Each task's arguments as its creation recorded them (`taskFrames` in the step that spawned
 * it, before it first ran: the coroutine not started, its locals are its arguments).
 */
function creationArgs(events: readonly TraceEvent[]): Map<ActorId, [string, string][]> {
  const args = new Map<ActorId, [string, string][]>();
  const started = new Set<ActorId>();
  for (const e of events) {
    if (e.t === 'beforeTaskStep') started.add(e.actor);
    else if (e.t === 'taskFrames' && !started.has(e.actor) && !args.has(e.actor) && e.frames.length > 0)
      args.set(e.actor, e.frames[0].locals);
  }
  return args;
}

/** The index of the first argument all of `group` have, short and different for each, or -1. */
function distinguishingArg(group: readonly ActorId[], args: Map<ActorId, [string, string][]>): number {
  const first = args.get(group[0]);
  if (!first) return -1;
  for (let i = 0; i < first.length; i++) {
    const seen = new Set<string>();
    let ok = true;
    for (const id of group) {
      const a = args.get(id)?.[i];
      if (!a || a[0] !== first[i][0] || a[1].length > MAX_ARG_REPR || seen.has(a[1])) {
        ok = false;
        break;
      }
      seen.add(a[1]);
    }
    if (ok) return i;
  }
  return -1;
}

export function taskNames(trace: Pick<Trace, 'actors' | 'events'>): TaskNames {
  const friendly: string[] = [];
  const cpython: string[] = [];
  // Tasks that would show the same name, in creation order (ids are creation order).
  const groups = new Map<string, ActorId[]>();
  for (const a of trace.actors) {
    cpython[a.id] = a.name;
    friendly[a.id] = baseName(a);
    if (a.kind !== 'task') continue;
    const key = `${a.internal ? 'i' : 'u'}:${friendly[a.id]}:${DEFAULT_TASK_NAME.test(a.name) ? 'coro' : 'named'}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(a.id);
  }
  let args: Map<ActorId, [string, string][]> | null = null;
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    if (key.endsWith(':coro')) {
      args ??= creationArgs(trace.events);
      const i = distinguishingArg(group, args);
      if (i >= 0) {
        for (const id of group) friendly[id] = `${friendly[id]}(${args.get(id)![i][1]})`;
        continue;
      }
    }
    group.forEach((id, n) => (friendly[id] = `${friendly[id]} #${n + 1}`));
  }
  return { friendly, cpython };
}

function baseName(a: Actor): string {
  if (a.kind === 'task' && a.coro && DEFAULT_TASK_NAME.test(a.name)) return shortCoro(a.coro);
  return a.name;
}

/**
 * A name cut to `max` characters where room is short (a timeline row), keeping what tells it
 * from its siblings: `deposit_with_lock #2` becomes `deposit_w… #2`, not `deposit_with`.
 */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  const tail = /( #\d+|\(.*\))$/.exec(name)?.[0] ?? '';
  if (tail.length + 2 > max) return `${name.slice(0, max - 1)}…`;
  return `${name.slice(0, max - tail.length - 1)}…${tail}`;
}

/** The name of `id` under `naming`. */
export function nameOf(names: TaskNames, id: ActorId, naming: TaskNaming): string {
  return (naming === 'cpython' ? names.cpython[id] : names.friendly[id]) ?? `#${id}`;
}

/**
 * The engine's own sentences (a deadlock, a runaway) name tasks as CPython does (`Task-2`);
 * under the friendly scheme those names become the scheme's, so a message and the stage agree.
 */
export function renameTasksIn(
  text: string,
  trace: Pick<Trace, 'actors'>,
  names: TaskNames,
  naming: TaskNaming,
): string {
  if (naming === 'cpython' || !text.includes('Task-')) return text;
  const byName = new Map<string, string>();
  for (const a of trace.actors)
    if (a.kind === 'task' && DEFAULT_TASK_NAME.test(a.name)) byName.set(a.name, names.friendly[a.id]);
  return text.replace(/\bTask-\d+\b/g, (m) => byName.get(m) ?? m);
}

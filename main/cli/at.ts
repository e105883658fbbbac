// `sim --at WHEN`: the state at one step, as text: the clock and lanes, each resource with its
// holders and waiters, and each task with what it waits on, who awaits it, what it holds, who
// made and cancelled it, and its stack with locals (asyncio's frames with --internal). Tasks are
// named as the app and `--steps` name them (common/taskNames.ts), CPython's way with --cpython-names.
// WHEN is a step number, `end`, or a lesson bookmark condition (lessons/lessons.ts).

import { lanesAt, indexTrace } from '../../common/lanes';
import { taskStateAt, type TaskState } from '../../common/taskState';
import { nameOf, renameTasksIn, taskNames, type TaskNaming } from '../../common/taskNames';
import type { Actor, ActorId, RunOptions, Trace, WaitReason } from '../../common/trace';
import { replayOptions, sameSteps } from '../../common/replay';
import { findBookmarkStep } from '../../lessons/bookmarks';
import { parseCondition, type BookmarkCondition } from '../../lessons/lessons';

export type When = { kind: 'step'; step: number } | { kind: 'bookmark'; condition: BookmarkCondition };

/** WHEN as given on the command line, or null when it names no step. */
export function parseWhen(text: string): When | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return { kind: 'step', step: Number(s) };
  if (s === 'end') return { kind: 'bookmark', condition: { kind: 'end' } };
  const condition = parseCondition(s);
  return condition === null ? null : { kind: 'bookmark', condition };
}

/** The step WHEN names in this run, or an error for people. */
export function resolveWhen(trace: Trace, when: When): number | string {
  const last = trace.steps.length - 1;
  if (when.kind === 'step')
    return when.step <= last ? when.step : `step ${when.step} is past the run's last step (${last})`;
  const step = findBookmarkStep(trace, when.condition);
  return step >= 0 ? step : 'the run never gets there';
}

/**
 * `--replay`: the task state of `skeleton`'s step made on demand, by running the program again
 * with capture on and stopped after that step; refused if the replay ran other steps.
 */
export async function replayTo(
  skeleton: Trace,
  step: number,
  run: (options: Partial<RunOptions>) => Promise<Trace>,
): Promise<Trace> {
  const replay = await run(replayOptions(skeleton, step));
  if (!sameSteps(skeleton, replay, step))
    throw new Error(`the replay ran other steps than the run before step ${step}`);
  return replay;
}

function fmtTime(t: number): string {
  return t.toFixed(6).replace(/0+$/, '').replace(/\.$/, '.0');
}

/** `last`: the run's last step (a replay stopped at `step` has fewer). */
export function formatAt(
  trace: Trace,
  step: number,
  internal: boolean,
  last = trace.steps.length - 1,
  naming: TaskNaming = 'friendly',
): string[] {
  const scheme = taskNames(trace);
  const byId = new Map<ActorId, Actor>(trace.actors.map((a) => [a.id, a]));
  const name = (id: ActorId | undefined): string =>
    id === undefined || id === 0 ? 'the top level' : nameOf(scheme, id, naming);
  const names = (ids: ActorId[]): string => (ids.length ? ids.map(name).join(', ') : 'nobody');
  const st = trace.steps[step];
  const lanes = lanesAt(indexTrace(trace), step);
  const state = taskStateAt(trace, step);
  const resourceName = (id: number): string => {
    const r = state.resources.get(id);
    return r ? `${r.kind} ${r.name}` : `resource ${id}`;
  };
  const who = st.kind === 'run' ? ` (run ${name(st.actor)})` : ` (${st.kind})`;
  const out = [`step ${step} of ${last}${who}, t=${fmtTime(st.time)}`];
  out.push(
    `lanes: ready [${lanes.ready.map(name).join(' ')}] running ${lanes.running ? name(lanes.running) : '-'} ` +
      `waiting [${lanes.waiting.map((w) => name(w.actor)).join(' ')}] done [${lanes.done.map((d) => name(d.actor)).join(' ')}]`,
  );
  if (state.resources.size) {
    out.push('resources:');
    for (const r of state.resources.values()) {
      const value = r.value ? `; ${r.value}` : '';
      const line = r.line ? ` (line ${r.line})` : '';
      out.push(
        `  ${r.kind} ${r.name}${line}: held by ${names(r.holders)}; waiting: ${names(r.waiters)}${value}`,
      );
    }
  }
  const waitText = (w: WaitReason): string => {
    const parts = [`${w.kind}: ${w.expr}`];
    if (w.line) parts.push(`line ${w.line}`);
    if (w.resource !== undefined) parts.push(resourceName(w.resource));
    if (w.targets?.length) parts.push(`for ${names(w.targets)}`);
    if (w.deadline !== undefined) parts.push(`until t=${fmtTime(w.deadline)}`);
    return parts.join(', ');
  };
  out.push('tasks:');
  const tasks = [...state.tasks.values()].filter(
    (t) => byId.get(t.actor)?.kind === 'task' && !byId.get(t.actor)?.internal,
  );
  for (const t of tasks.sort((a, b) => a.actor - b.actor))
    out.push(...formatTask(t, byId.get(t.actor)!, name, names, waitText, resourceName, internal));
  for (const w of state.warnings) out.push(`warning: ${renameTasksIn(w, trace, scheme, naming)}`);
  return out;
}

function formatTask(
  t: TaskState,
  actor: Actor,
  name: (id: ActorId | undefined) => string,
  names: (ids: ActorId[]) => string,
  waitText: (w: WaitReason) => string,
  resourceName: (id: number) => string,
  internal: boolean,
): string[] {
  const status = t.outcome
    ? `done (${t.outcome.kind}: ${t.outcome.repr})`
    : t.waiting
      ? `waiting on ${waitText(t.waiting)}`
      : 'ready';
  const made =
    actor.parent || actor.line
      ? `, made by ${name(actor.parent)}${actor.line ? ` at line ${actor.line}` : ''}`
      : '';
  const out = [`  ${name(actor.id)} (${actor.coro ?? '?'}${made}): ${status}`];
  if (t.awaitedBy.length) out.push(`    awaited by: ${names(t.awaitedBy)}`);
  if (t.holds.length) out.push(`    holds: ${t.holds.map(resourceName).join(', ')}`);
  if (t.cancelledBy !== undefined) out.push(`    cancelled by: ${name(t.cancelledBy)}`);
  let hidden = 0;
  for (const f of t.frames) {
    if (f.internal && !internal) {
      hidden++;
      continue;
    }
    out.push(`    ${f.internal ? '(asyncio) ' : ''}${f.fn}, line ${f.line}`);
    for (const [k, v] of f.locals) out.push(`      ${k} = ${v}`);
  }
  if (hidden) out.push(`    (+${hidden} asyncio frame${hidden === 1 ? '' : 's'}: --internal shows them)`);
  if (t.capped) out.push('    (locals cut: the step reached the cap on captured locals)');
  return out;
}

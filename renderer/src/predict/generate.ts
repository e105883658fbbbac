// Questions generated from the trace, one per step worth asking about: a clock jump, a task
// finishing, a line printed, a task about to run, the run's end. The trace already holds every
// answer; the lanes one step before hold the choices (what was ready, waiting, armed). With
// internals hidden, asyncio's own callbacks and tasks are never asked about nor offered. Pure.
import { lanesAt, type Lanes } from '../../../common/lanes';
import { allOutput } from '../../../common/outputIndex';
import type { ActorId, Outcome, TraceEvent, WaitReason } from '../../../common/trace';
import { endText, type PlayerModel } from '../player/model';
import { distinctNames, makeChoices, seconds, taskName, type Question } from './question';

export interface GenerateOptions {
  showInternals: boolean;
}

/** Deadlines closer than this are the same moment (float rounding, not a real gap). */
const SAME_TIME = 1e-9;

function stepEvents(model: PlayerModel, step: number): TraceEvent[] {
  const { steps, events } = model.trace;
  const end = step + 1 < steps.length ? steps[step + 1].firstEvent : events.length;
  return events.slice(steps[step].firstEvent, end);
}

function visible(model: PlayerModel, id: ActorId, o: GenerateOptions): boolean {
  const a = model.info[id]?.actor;
  return !!a && (o.showInternals || !a.internal);
}

function waitText(r: WaitReason): string {
  return r.kind === 'timer' && r.deadline !== undefined ? `${r.expr} until t=${seconds(r.deadline)}` : r.expr;
}

/** The question asked before `step` plays, or null when that step is not worth one. */
export function questionAt(model: PlayerModel, step: number, o: GenerateOptions): Question | null {
  const st = model.trace.steps[step];
  if (!st || step === 0) return null;
  if (st.kind === 'end') return endQuestion(model, step);
  if (st.kind === 'clock') return clockQuestion(model, step, lanesAt(model.index, step - 1));
  if (st.kind !== 'run' || st.actor === undefined || !visible(model, st.actor, o)) return null;
  const before = lanesAt(model.index, step - 1);
  const evs = stepEvents(model, step);
  return (
    finishQuestion(model, step, st.actor, before, evs, o) ??
    outputQuestion(model, step, st.actor, evs) ??
    nextTaskQuestion(model, step, st.actor, before, o)
  );
}

function endQuestion(model: PlayerModel, step: number): Question | null {
  const { end } = model.trace;
  const right =
    end.kind === 'ok' || (end.kind === 'exit' && end.exitCode === 0)
      ? 'normally'
      : end.kind === 'exception'
        ? 'with an exception'
        : end.kind === 'deadlock'
          ? 'in a deadlock'
          : end.kind.startsWith('cap') || end.kind === 'runaway'
            ? 'stopped by a limit'
            : null;
  if (right === null) return null; // a syntax error never ran; an internal error is ours
  const choices = ['normally', 'with an exception', 'in a deadlock'];
  if (!choices.includes(right)) choices.push(right);
  return {
    step,
    kind: 'end',
    prompt: 'Does this run end normally, with an exception, or in a deadlock?',
    choices,
    answer: choices.indexOf(right),
    why: endText(end),
  };
}

function clockQuestion(model: PlayerModel, step: number, before: Lanes): Question | null {
  const to = model.trace.steps[step].time;
  const from = before.time;
  const deadlines = [
    ...before.timers.map((t) => t.deadline),
    ...before.waiting.flatMap((w) => (w.reason.deadline !== undefined ? [w.reason.deadline] : [])),
  ].filter((d) => d > from + SAME_TIME);
  // With one deadline pending, the sum of the waits is the tempting wrong answer.
  const wrong = [...deadlines.sort((a, b) => a - b), to + (to - from), from];
  const made = makeChoices(to, wrong, seconds, (a, b) => a - b);
  if (!made) return null;
  const owner = before.timers.find((t) => Math.abs(t.deadline - to) < SAME_TIME);
  const serves = owner !== undefined ? model.info[owner.actor]?.actor.serves : undefined;
  const whose =
    owner === undefined
      ? null
      : serves !== undefined
        ? `${taskName(model, serves)}'s timer`
        : `the timer of ${taskName(model, owner.actor)}`;
  const why = whose
    ? `${whose}, ${seconds(to)}, is the earliest deadline: with nothing ready the loop jumps straight to it.`
    : `Nothing is ready, and the earliest thing the loop waits for (a timer, a socket, a worker thread) comes at ${seconds(to)}: the clock jumps straight there.`;
  const notes = made.items.map((t) =>
    Math.abs(t - to) < SAME_TIME
      ? null
      : t < to
        ? `Nothing is due at ${seconds(t)}: the clock only jumps to a deadline.`
        : `${seconds(t)} comes later: the loop wakes at the earliest deadline, not the last one.`,
  );
  return { step, kind: 'clock', prompt: 'What time does the clock jump to?', ...made, why, notes };
}

/** Tasks (not callbacks) that are spawned and not yet done, as offered choices. */
function unfinished(model: PlayerModel, before: Lanes, o: GenerateOptions): ActorId[] {
  const done = new Set(before.done.map((d) => d.actor));
  return before.spawned.filter((id) => !done.has(id) && visible(model, id, o));
}

function ending(o: Outcome): string {
  if (o.kind === 'result') return `returns ${o.repr}`;
  if (o.kind === 'exception') return `raises ${o.repr}`;
  return 'is cancelled';
}

function finishQuestion(
  model: PlayerModel,
  step: number,
  actor: ActorId,
  before: Lanes,
  evs: TraceEvent[],
  o: GenerateOptions,
): Question | null {
  const exit = evs.find(
    (e): e is Extract<TraceEvent, { t: 'taskExited' }> => e.t === 'taskExited' && visible(model, e.actor, o),
  );
  if (!exit) return null;
  const open = unfinished(model, before, o);
  if (!open.includes(exit.actor)) return null;
  const wrong = open.filter((id) => id !== exit.actor);
  const distinct = distinctNames(model, open);
  const names = new Map(open.map((id, i) => [id, distinct[i]]));
  const made = makeChoices(
    exit.actor,
    wrong,
    (id) => names.get(id) ?? '',
    (a, b) => a - b,
  );
  if (!made) return null;
  const who = names.get(exit.actor);
  const why =
    exit.actor === actor
      ? `${who} runs now and ${ending(exit.outcome)}: its last await is over before any other task's.`
      : `While ${taskName(model, actor)} runs, ${who} ${ending(exit.outcome)} and is done first.`;
  const waiting = new Map(before.waiting.map((w) => [w.actor, w.reason]));
  const notes = made.items.map((id) => {
    if (id === exit.actor) return null;
    const r = waiting.get(id);
    return r ? `${names.get(id)} still waits on ${waitText(r)}.` : `${names.get(id)} has more to run first.`;
  });
  return { step, kind: 'finish', prompt: 'Which task finishes next?', ...made, why, notes };
}

function outputQuestion(
  model: PlayerModel,
  step: number,
  actor: ActorId,
  evs: TraceEvent[],
): Question | null {
  const printed = evs.find((e) => e.t === 'output' && e.stream === 'stdout' && e.text.trim() !== '');
  if (!printed || printed.t !== 'output') return null;
  const right = firstLine(printed.text);
  const output = allOutput(model.index);
  const later = output
    .filter((c) => c.step > step && c.stream === 'stdout')
    .flatMap((c) => c.text.split('\n'));
  const earlier = output
    .filter((c) => c.step < step && c.stream === 'stdout')
    .flatMap((c) => c.text.split('\n'));
  const wrong = [...later, ...earlier.reverse()].map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const made = makeChoices(
    right,
    wrong,
    (l) => l,
    (a, b) => a.localeCompare(b),
  );
  if (!made) return null;
  const who = taskName(model, actor);
  const why = `${who} is at the head of the run queue, so it runs next, and the first line it prints is "${right}".`;
  return { step, kind: 'output', prompt: 'What is printed next?', ...made, why };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trimEnd() ?? ''
  );
}

function nextTaskQuestion(
  model: PlayerModel,
  step: number,
  actor: ActorId,
  before: Lanes,
  o: GenerateOptions,
): Question | null {
  const ready = before.ready.filter((id) => visible(model, id, o));
  const waiting = before.waiting.filter((w) => visible(model, w.actor, o));
  const candidates = [actor, ...ready.filter((id) => id !== actor), ...waiting.map((w) => w.actor)];
  const unique = [...new Set(candidates)];
  const distinct = distinctNames(model, unique);
  const names = new Map(unique.map((id, i) => [id, distinct[i]]));
  const made = makeChoices(
    actor,
    unique.slice(1),
    (id) => names.get(id) ?? '',
    (a, b) => a - b,
  );
  if (!made) return null;
  const what = model.info[actor]?.actor.kind === 'callback' ? 'callback' : 'task';
  const prompt = what === 'task' ? 'Which task runs next?' : 'What runs next?';
  const why = `${names.get(actor)} is at the head of the run queue: the loop runs ready callbacks in the order they were scheduled.`;
  const reasons = new Map(waiting.map((w) => [w.actor, w.reason]));
  const notes = made.items.map((id) => {
    if (id === actor) return null;
    const r = reasons.get(id);
    if (r) return `${names.get(id)} waits on ${waitText(r)}, so it is not in the run queue.`;
    return `${names.get(id)} is in the run queue behind ${names.get(actor)}.`;
  });
  return { step, kind: 'nextTask', prompt, ...made, why, notes };
}

/** Every step of the run that has a question, in order (the lesson tests and the review use it). */
export function allQuestions(model: PlayerModel, o: GenerateOptions): Question[] {
  const out: Question[] = [];
  for (let s = 1; s < model.trace.steps.length; s++) {
    const q = questionAt(model, s, o);
    if (q) out.push(q);
  }
  return out;
}

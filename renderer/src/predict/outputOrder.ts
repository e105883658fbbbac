// Whole-output prediction: the program's printed lines, offered in an order that is not the
// real one, and the first place where the learner's order differs from the run's, explained in
// the loop's terms (who printed each line, and when). Pure.
import { allOutput } from '../../../common/outputIndex';
import type { ActorId } from '../../../common/trace';
import type { PlayerModel } from '../player/model';
import { seconds, taskName } from './question';

/** More lines than this are no longer a question one can answer by thinking about the loop. */
export const MAX_ORDER_LINES = 12;

export interface PrintedLine {
  text: string;
  step: number;
  time: number;
  /** The task or callback that printed it; null for the program's top level. */
  actor: ActorId | null;
}

/** Every non-empty stdout line, in the order the run printed them. */
export function printedLines(model: PlayerModel): PrintedLine[] {
  const lines: PrintedLine[] = [];
  // A line written in several chunks belongs to the step of its first chunk.
  let partial = '';
  let partialStep = 0;
  for (const chunk of allOutput(model.index)) {
    if (chunk.stream !== 'stdout') continue;
    if (partial === '') partialStep = chunk.step;
    const parts = (partial + chunk.text).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) {
      if (text.trim() !== '') lines.push(lineAt(model, text, partialStep));
      partialStep = chunk.step;
    }
  }
  if (partial.trim() !== '') lines.push(lineAt(model, partial, partialStep));
  return lines;
}

function lineAt(model: PlayerModel, text: string, step: number): PrintedLine {
  const st = model.trace.steps[step];
  return { text, step, time: st?.time ?? 0, actor: st?.kind === 'run' ? (st.actor ?? null) : null };
}

/**
 * The order the lines are offered in: alphabetical (it says nothing about the loop), turned by
 * one place when that happens to be the real order, so there is always something to do.
 */
export function startingOrder(lines: readonly PrintedLine[]): string[] {
  const real = lines.map((l) => l.text);
  const sorted = [...real].sort((a, b) => a.localeCompare(b));
  if (sorted.every((t, i) => t === real[i]) && sorted.length > 1) sorted.push(sorted.shift()!);
  return sorted;
}

/** Moves the item at `from` to `to` (both indices in the list before the move). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}

export interface OrderVerdict {
  /** Index of the first line that differs; null when the whole order is right. */
  first: number | null;
  /** How many lines stand in their real place. */
  inPlace: number;
  /** One sentence about the first difference (or the praise). */
  why: string;
}

export function checkOrder(
  model: PlayerModel,
  mine: readonly string[],
  real: readonly PrintedLine[],
): OrderVerdict {
  const inPlace = mine.filter((t, i) => real[i]?.text === t).length;
  const first = mine.findIndex((t, i) => real[i]?.text !== t);
  if (first < 0) return { first: null, inPlace, why: 'Every line is where the run printed it.' };
  const r = real[first];
  // The line you put there, as the run printed it: its first occurrence not yet placed above.
  const m = real.find((l, j) => j > first && l.text === mine[first]) ?? r;
  return { first, inPlace, why: explain(model, r, m) };
}

function who(model: PlayerModel, line: PrintedLine): string {
  return line.actor === null ? "the program's top level" : taskName(model, line.actor);
}

function explain(model: PlayerModel, r: PrintedLine, m: PrintedLine): string {
  const rt = `"${r.text}"`;
  const mt = `"${m.text}"`;
  if (r.step === m.step)
    return `${who(model, r)} prints ${rt} before ${mt} in the same step, in the order of its code.`;
  if (r.time < m.time)
    return `${rt} comes first: ${who(model, r)} printed it at t=${seconds(r.time)}, while ${mt} came from ${who(model, m)} only at t=${seconds(m.time)}, when what it awaited was done.`;
  if (r.actor !== null && r.actor === m.actor)
    return `${who(model, r)} prints ${rt} before ${mt}: a task runs its own code in order.`;
  return `Both lines come at t=${seconds(r.time)}, but ${who(model, r)} was ahead of ${who(model, m)} in the run queue, so ${rt} comes first.`;
}

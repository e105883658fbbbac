// What a predict-mode question is, and the small helpers every generator shares: names as the
// stage prints them, times in seconds, and choice lists without duplicates. Pure.
import type { ActorId } from '../../../common/trace';
import type { PlayerModel } from '../player/model';

export type QuestionKind = 'nextTask' | 'output' | 'clock' | 'finish' | 'end' | 'authored' | 'compare';

export interface Question {
  /** The step whose playing reveals the answer; it is asked with the cursor one step before. */
  step: number;
  kind: QuestionKind;
  prompt: string;
  /** Two to four, all different; the order never gives the answer away. */
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  /** One sentence in the loop's terms: why the right choice is right. */
  why: string;
  /** Per choice, a clause on why that one is not next (null where there is nothing to add). */
  notes?: (string | null)[];
}

export const MAX_CHOICES = 4;

/** A task's display name: the naming scheme's (common/taskNames.ts), as the model labels it. */
export function taskName(model: PlayerModel, id: ActorId): string {
  return model.info[id]?.label ?? `#${id}`;
}

/** Names for several actors at once; two tasks that print the same get their own names added. */
export function distinctNames(model: PlayerModel, ids: readonly ActorId[]): string[] {
  const names = ids.map((id) => taskName(model, id));
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  return names.map((n, i) =>
    (count.get(n) ?? 0) > 1 ? `${n} (${model.info[ids[i]]?.actor.name ?? `#${ids[i]}`})` : n,
  );
}

/** Seconds as a person says them: 0.1 s, 2.25 s, 3 s (to the millisecond). */
export function seconds(t: number): string {
  return `${Number(t.toFixed(3))} s`;
}

/**
 * A question from a right answer and candidate wrong ones: duplicates (and wrong ones equal to
 * the answer) dropped, at most MAX_CHOICES, ordered by `order` so that the place of the right
 * choice says nothing. Null when fewer than two choices are left: that is no question.
 */
export function makeChoices<T>(
  right: T,
  wrong: readonly T[],
  text: (item: T) => string,
  order: (a: T, b: T) => number,
): { items: T[]; choices: string[]; answer: number } | null {
  const seen = new Set([text(right)]);
  const items = [right];
  for (const w of wrong) {
    if (items.length >= MAX_CHOICES) break;
    const t = text(w);
    if (seen.has(t)) continue;
    seen.add(t);
    items.push(w);
  }
  if (items.length < 2) return null;
  const sorted = [...items].sort(order);
  return { items: sorted, choices: sorted.map(text), answer: sorted.indexOf(right) };
}

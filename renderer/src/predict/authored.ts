// A lesson's own questions placed on its run: each at the step its bookmark condition names,
// asked one step before. Where a lesson asks, its wording wins over the generated question.
import { findBookmarkStep } from '../../../lessons/bookmarks';
import type { AuthoredQuestion } from '../../../lessons/questions';
import type { Trace } from '../../../common/trace';
import type { PlayerModel } from '../player/model';
import { questionAt, type GenerateOptions } from './generate';
import type { Question } from './question';

/** The authored questions the run reaches (a condition at step 0 has no step before it to ask at). */
export function placeAuthored(trace: Trace, authored: readonly AuthoredQuestion[]): Map<number, Question> {
  const placed = new Map<number, Question>();
  for (const q of authored) {
    const step = findBookmarkStep(trace, q.condition);
    if (step < 1 || placed.has(step)) continue;
    placed.set(step, {
      step,
      kind: 'authored',
      prompt: q.prompt,
      choices: [...q.choices],
      answer: q.answer,
      why: q.why,
    });
  }
  return placed;
}

/** No authored questions (a program that is not the lesson's own). */
export const NO_AUTHORED: ReadonlyMap<number, Question> = new Map();

/** The question before `step`: the lesson's own, else a generated one, else null. */
export function questionBefore(
  model: PlayerModel,
  authored: ReadonlyMap<number, Question>,
  step: number,
  options: GenerateOptions,
): Question | null {
  return authored.get(step) ?? questionAt(model, step, options);
}

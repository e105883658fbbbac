// Predict mode's score: per lesson, how many answered, how many right, the current and best
// streak, and the last wrong answers for review. Pure updates on a plain object that is saved
// with the settings (main/settings/schema.ts checks its shape); nothing leaves the machine.
import type { PredictScore, PredictSettings, WrongAnswer } from '../bridge';

/** The review keeps the most recent wrong answers only. */
export const MAX_WRONG_ANSWERS = 50;
/** Programs that are not lessons count together under this key. */
export const OTHER_PROGRAMS = '';

export const EMPTY_SCORE: PredictScore = { answered: 0, right: 0, streak: 0, best: 0 };

export const DEFAULT_PREDICT: PredictSettings = { on: false, countdown: 0, scores: {}, wrong: [] };

export function scoreOf(book: PredictSettings, lesson: string | null): PredictScore {
  return book.scores[lesson ?? OTHER_PROGRAMS] ?? EMPTY_SCORE;
}

/** The book after one answer; a wrong one joins the review (newest first). */
export function recordAnswer(
  book: PredictSettings,
  lesson: string | null,
  right: boolean,
  wrong: Omit<WrongAnswer, 'lesson'>,
): PredictSettings {
  const key = lesson ?? OTHER_PROGRAMS;
  const was = scoreOf(book, lesson);
  const streak = right ? was.streak + 1 : 0;
  const score: PredictScore = {
    answered: was.answered + 1,
    right: was.right + (right ? 1 : 0),
    streak,
    best: Math.max(was.best, streak),
  };
  const review = right ? book.wrong : [{ lesson: key, ...wrong }, ...book.wrong].slice(0, MAX_WRONG_ANSWERS);
  return { ...book, scores: { ...book.scores, [key]: score }, wrong: review };
}

/** Drops one reviewed wrong answer (it was tried again). */
export function forgetWrong(book: PredictSettings, index: number): PredictSettings {
  return { ...book, wrong: book.wrong.filter((_, i) => i !== index) };
}

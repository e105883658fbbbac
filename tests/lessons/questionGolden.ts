// Golden questions of a lesson run: every question predict mode would ask, in step order, one
// block each (the right choice starred), so a change in generation reads as a diff.
import type { Trace } from '../../common/trace';
import type { AuthoredQuestion } from '../../lessons/questions';
import { buildModel } from '../../renderer/src/player/model';
import { placeAuthored, questionBefore } from '../../renderer/src/predict/authored';
import type { Question } from '../../renderer/src/predict/question';

/** Runs of 1,000 clients ask thousands of questions; the golden keeps the first ones and a count. */
const GOLDEN_QUESTION_LIMIT = 60;

/** The questions of a run in step order, the first `limit` of them (the golden's cap by default). */
export function runQuestions(
  trace: Trace,
  authored: readonly AuthoredQuestion[],
  limit = GOLDEN_QUESTION_LIMIT + 1,
  showInternals = false,
): Question[] {
  const model = buildModel(trace);
  const placed = placeAuthored(trace, authored);
  const out: Question[] = [];
  for (let s = 1; s < trace.steps.length && out.length < limit; s++) {
    const q = questionBefore(model, placed, s, { showInternals });
    if (q) out.push(q);
  }
  return out;
}

export function formatQuestions(questions: readonly Question[]): string {
  const blocks = questions
    .slice(0, GOLDEN_QUESTION_LIMIT)
    .map((q) =>
      [
        `step ${q.step} ${q.kind}: ${q.prompt}`,
        ...q.choices.map(
          (c, i) => `  ${i === q.answer ? '*' : '-'} ${c}${q.notes?.[i] ? `  (${q.notes[i]})` : ''}`,
        ),
        `  why: ${q.why}`,
      ].join('\n'),
    );
  if (questions.length > GOLDEN_QUESTION_LIMIT) blocks.push('… and more');
  return `${blocks.join('\n\n')}\n`;
}

// Predict mode's generated questions: on the hand-made a/b/c run, each kind reads like the rule;
// on every lesson's checked-in trace, every question has its right answer among 2-4 different
// choices, that answer is what the trace does next, and with internals hidden nothing of
// asyncio's own plumbing is asked about or offered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { buildAbc } from '../e2e/fixtures/build';
import { buildModel } from '../../renderer/src/player/model';
import { allQuestions, questionAt } from '../../renderer/src/predict/generate';
import { makeChoices, seconds } from '../../renderer/src/predict/question';
import { EXPECTED_DIR } from '../lessons/python';

const abc = buildModel(buildAbc());
const hidden = { showInternals: false };
const shown = { showInternals: true };

describe('questions generated from the a/b/c trace', () => {
  it('asks what is printed next before a task prints, with later lines as the other choices', () => {
    expect(questionAt(abc, 2, hidden)).toMatchObject({
      kind: 'output',
      prompt: 'What is printed next?',
      choices: ['a started', 'b finished', 'b started', 'c started'],
      answer: 0,
    });
  });

  it('asks where the clock jumps, offering the armed deadlines, and says whose timer is earliest', () => {
    const q = questionAt(abc, 5, hidden)!;
    expect(q).toMatchObject({ kind: 'clock', choices: ['0 s', '0.1 s', '0.2 s', '0.3 s'], answer: 1 });
    expect(q.why).toBe(
      "b's timer, 0.1 s, is the earliest deadline: with nothing ready the loop jumps straight to it.",
    );
  });

  it('asks which task finishes next among the unfinished ones, and why the others do not', () => {
    const q = questionAt(abc, 7, hidden)!;
    expect(q).toMatchObject({ kind: 'finish', choices: ['main', 'a', 'b', 'c'], answer: 2 });
    expect(q.notes?.[1]).toBe('a still waits on asyncio.sleep(0.2) until t=0.2 s.');
  });

  it('asks how the run ends before its last step', () => {
    const last = abc.trace.steps.length - 1;
    expect(questionAt(abc, last, hidden)).toMatchObject({
      kind: 'end',
      choices: ['normally', 'with an exception', 'in a deadlock'],
      answer: 0,
    });
  });

  it("never asks before an internal callback's step while internals are hidden, but does when shown", () => {
    expect(questionAt(abc, 6, hidden)).toBeNull();
    expect(questionAt(abc, 6, shown)).toMatchObject({ kind: 'nextTask', prompt: 'What runs next?' });
  });

  it('asks nothing before the start', () => {
    expect(questionAt(abc, 0, hidden)).toBeNull();
  });
});

describe('makeChoices', () => {
  it('keeps the right one, drops duplicates, stops at four and sorts so the place says nothing', () => {
    const made = makeChoices(3, [1, 3, 2, 2, 5, 4], String, (a, b) => a - b);
    expect(made).toEqual({ items: [1, 2, 3, 5], choices: ['1', '2', '3', '5'], answer: 2 });
  });

  it('is no question with one choice', () => {
    expect(
      makeChoices(
        'x',
        ['x'],
        (s) => s,
        (a, b) => a.localeCompare(b),
      ),
    ).toBeNull();
  });
});

const lessonTraces: [string, Trace][] = readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.trace.json'))
  .map((f) => [
    f.replace('.trace.json', ''),
    JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as Trace,
  ]);

function stepOutput(trace: Trace, step: number): string {
  const end = trace.steps[step + 1]?.firstEvent ?? trace.events.length;
  return trace.events
    .slice(trace.steps[step].firstEvent, end)
    .map((e) => (e.t === 'output' && e.stream === 'stdout' ? e.text : ''))
    .join('');
}

describe.each(lessonTraces)('questions on lesson %s', (_id, trace) => {
  const model = buildModel(trace);

  it.each([
    ['hidden', hidden],
    ['shown', shown],
  ])(
    'with internals %s: 2-4 different choices, the right one among them and true to the trace',
    (_name, options) => {
      const questions = allQuestions(model, options);
      expect(questions.length).toBeGreaterThan(0);
      for (const q of questions) {
        expect(q.choices.length).toBeGreaterThanOrEqual(2);
        expect(q.choices.length).toBeLessThanOrEqual(4);
        expect(new Set(q.choices).size).toBe(q.choices.length);
        const right = q.choices[q.answer];
        expect(right).toBeDefined();
        const st = trace.steps[q.step];
        if (q.kind === 'clock') expect(right).toBe(seconds(st.time));
        if (q.kind === 'output') expect(stepOutput(trace, q.step)).toContain(right);
        if (q.kind === 'nextTask') expect(right.startsWith(model.info[st.actor!].label)).toBe(true);
        if (q.kind === 'end') expect(q.step).toBe(trace.steps.length - 1);
      }
    },
  );

  it('with internals hidden, never asks before an internal step nor offers an internal actor', () => {
    const visibleLabels = new Set(model.info.filter((i) => i && !i.actor.internal).map((i) => i.label));
    const internalLabels = model.info
      .filter((i) => i?.actor.internal && !visibleLabels.has(i.label))
      .map((i) => i.label);
    for (const q of allQuestions(model, hidden)) {
      const st = trace.steps[q.step];
      if (st.kind === 'run') expect(model.info[st.actor!].actor.internal ?? false).toBe(false);
      if (q.kind === 'nextTask' || q.kind === 'finish')
        for (const c of q.choices)
          expect(internalLabels.some((l) => c === l || c.startsWith(`${l} (`))).toBe(false);
    }
  });
});

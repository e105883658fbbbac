// Predict mode's other pure parts: whole-output ordering and its explanation, the compare
// view's question, the score book, the keys, and a lesson's own questions placed on its run.
import { describe, expect, it } from 'vitest';
import { buildAbc } from '../e2e/fixtures/build';
import { buildModel } from '../../renderer/src/player/model';
import { placeAuthored, questionBefore } from '../../renderer/src/predict/authored';
import { compareQuestion } from '../../renderer/src/predict/compareQuestion';
import { predictKey } from '../../renderer/src/app/keymap';
import { checkOrder, moveItem, printedLines, startingOrder } from '../../renderer/src/predict/outputOrder';
import {
  DEFAULT_PREDICT,
  MAX_WRONG_ANSWERS,
  recordAnswer,
  scoreOf,
} from '../../renderer/src/predict/scoreBook';
import { parseLesson } from '../../lessons/lessons';

const trace = buildAbc();
const model = buildModel(trace);
const real = printedLines(model);

describe('whole-output prediction', () => {
  it('lists the printed lines in run order with who printed them and when', () => {
    expect(real.map((l) => [l.text, l.time, l.actor && model.info[l.actor].label])).toEqual([
      ['a started', 0, 'a'],
      ['b started', 0, 'b'],
      ['c started', 0, 'c'],
      ['b finished', 0.1, 'b'],
      ['a finished', 0.2, 'a'],
      ['c finished', 0.3, 'c'],
      ["Result: ['a', 'b', 'c']", 0.3, 'main'],
    ]);
  });

  it('offers them in an order that is not the real one', () => {
    const start = startingOrder(real);
    expect([...start].sort()).toEqual(real.map((l) => l.text).sort());
    expect(start).not.toEqual(real.map((l) => l.text));
  });

  it('moves a line up and down', () => {
    expect(moveItem(['x', 'y', 'z'], 2, 0)).toEqual(['z', 'x', 'y']);
    expect(moveItem(['x', 'y', 'z'], 0, 1)).toEqual(['y', 'x', 'z']);
  });

  it('finds the first difference and explains it with the times and tasks', () => {
    const mine = [
      'a started',
      'b started',
      'c started',
      'a finished',
      'b finished',
      'c finished',
      "Result: ['a', 'b', 'c']",
    ];
    expect(checkOrder(model, mine, real)).toEqual({
      first: 3,
      inPlace: 5,
      why: '"b finished" comes first: b printed it at t=0.1 s, while "a finished" came from a only at t=0.2 s, when what it awaited was done.',
    });
  });

  it('explains a difference at the same time by the run queue', () => {
    const mine = [
      'b started',
      'a started',
      'c started',
      'b finished',
      'a finished',
      'c finished',
      "Result: ['a', 'b', 'c']",
    ];
    expect(checkOrder(model, mine, real).why).toBe(
      'Both lines come at t=0 s, but a was ahead of b in the run queue, so "a started" comes first.',
    );
  });

  it('says so when every line is in place', () => {
    expect(
      checkOrder(
        model,
        real.map((l) => l.text),
        real,
      ),
    ).toMatchObject({ first: null, inPlace: 7 });
  });
});

describe("the compare view's question", () => {
  const ended = (time: number) => ({
    ...trace,
    steps: [...trace.steps.slice(0, -1), { ...trace.steps.at(-1)!, time }],
  });

  it('asks which side finishes first and when, with the right one among the choices', () => {
    const q = compareQuestion([ended(5.63), ended(3.21)], ['sync.py', 'async.py'])!;
    expect(q.choices).toEqual([
      'sync.py first, at 5.63 s',
      'async.py first, at 3.21 s',
      'async.py first, at 5.63 s',
      'both at the same time, 3.21 s',
    ]);
    expect(q.choices[q.answer]).toBe('async.py first, at 3.21 s');
    expect(q.why).toContain('async.py ends at 3.21 s and sync.py only at 5.63 s');
  });

  it('has "both" as the answer when the two end together', () => {
    const q = compareQuestion([ended(1), ended(1)], ['x.py', 'y.py'])!;
    expect(q.choices[q.answer]).toBe('both at the same time, 1 s');
    expect(new Set(q.choices).size).toBe(q.choices.length);
  });
});

describe('score book', () => {
  const wrong = {
    fileName: '01-gather.py',
    step: 7,
    prompt: 'Which?',
    chosen: 'a',
    right: 'b',
    why: 'Because.',
  };

  it('counts answers, right ones and the streak per lesson, and keeps wrong answers newest first', () => {
    let book = recordAnswer(DEFAULT_PREDICT, '01-gather', true, wrong);
    book = recordAnswer(book, '01-gather', true, wrong);
    book = recordAnswer(book, '01-gather', false, wrong);
    book = recordAnswer(book, '01-gather', true, { ...wrong, step: 9 });
    expect(scoreOf(book, '01-gather')).toEqual({ answered: 4, right: 3, streak: 1, best: 2 });
    expect(book.wrong).toEqual([{ lesson: '01-gather', ...wrong }]);
    expect(scoreOf(book, null)).toEqual({ answered: 0, right: 0, streak: 0, best: 0 });
  });

  it('keeps only the newest wrong answers', () => {
    let book = DEFAULT_PREDICT;
    for (let i = 0; i < MAX_WRONG_ANSWERS + 5; i++)
      book = recordAnswer(book, null, false, { ...wrong, step: i });
    expect(book.wrong).toHaveLength(MAX_WRONG_ANSWERS);
    expect(book.wrong[0].step).toBe(MAX_WRONG_ANSWERS + 4);
  });
});

describe('predict keys', () => {
  const asking = { asking: true, presenting: false, choices: 3 };

  it('Q toggles; 1-4 and A-D answer; Esc skips; a number past the choices does nothing', () => {
    expect(predictKey({ key: 'q' }, { ...asking, asking: false })).toEqual({ kind: 'toggle' });
    expect(predictKey({ key: '2' }, asking)).toEqual({ kind: 'answer', index: 1 });
    expect(predictKey({ key: 'C' }, asking)).toEqual({ kind: 'answer', index: 2 });
    expect(predictKey({ key: '4' }, asking)).toBeNull();
    expect(predictKey({ key: 'Escape' }, asking)).toEqual({ kind: 'skip' });
    expect(predictKey({ key: '1' }, { ...asking, asking: false })).toBeNull();
  });

  it('leaves letters and Esc to the presentation keys while presenting (B blanks the screen)', () => {
    const presenting = { ...asking, presenting: true };
    expect(predictKey({ key: 'b' }, presenting)).toBeNull();
    expect(predictKey({ key: 'Escape' }, presenting)).toBeNull();
    expect(predictKey({ key: '1' }, presenting)).toEqual({ kind: 'answer', index: 0 });
  });
});

describe("a lesson's own questions", () => {
  const lesson = parseLesson(
    '01-x',
    `"""Title line here\n\nOne. Two.\n\nQuestions:\n    when "b finished" is printed -> Who wakes first? -> a | *b | c -> b's sleep is shortest.\n    at t=0 -> Never asked -> *x | y -> Step 0 has no step before it.\n"""\n`,
  );

  it("are asked before the step their condition names, in the author's words, instead of the generated one", () => {
    const placed = placeAuthored(trace, lesson.questions);
    expect([...placed.keys()]).toEqual([7]);
    expect(questionBefore(model, placed, 7, { showInternals: false })).toMatchObject({
      kind: 'authored',
      prompt: 'Who wakes first?',
      choices: ['a', 'b', 'c'],
      answer: 1,
    });
    expect(questionBefore(model, placed, 2, { showInternals: false })?.kind).toBe('output');
  });
});

describe('the score in the settings file', () => {
  const book = {
    on: true,
    countdown: 10,
    scores: { '01-gather': { answered: 3, right: 2, streak: 1, best: 2 } },
    wrong: [
      {
        lesson: '01-gather',
        fileName: '01-gather.py',
        step: 7,
        prompt: 'Q?',
        chosen: 'a',
        right: 'b',
        why: 'W.',
      },
    ],
  };

  it('is read back as saved, and the renderer may change it', async () => {
    const { parseSettings, settingsPatchSchema } = await import('../../main/settings/schema');
    expect(parseSettings({ predict: book })).toMatchObject({ settings: { predict: book }, problems: [] });
    expect(settingsPatchSchema.safeParse({ predict: book }).success).toBe(true);
  });

  it('falls back to an empty book when it is damaged, and says so', async () => {
    const { parseSettings, DEFAULT_SETTINGS } = await import('../../main/settings/schema');
    const parsed = parseSettings({ predict: { ...book, countdown: -1 } });
    expect(parsed.settings.predict).toEqual(DEFAULT_SETTINGS.predict);
    expect(parsed.problems).toHaveLength(1);
    expect(parseSettings({ predict: { ...book, extra: 1 } }).problems).toHaveLength(1);
  });
});

// Lesson headers: every built-in lesson parses, and the parser reads the format in
// lessons/README.md exactly, rejecting what it does not know.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LESSON_IDS,
  LessonFormatError,
  loadLessons,
  parseCondition,
  parseLesson,
} from '../../lessons/lessons';
import { EXPECTED_DIR, LESSONS_DIR } from './python';

const files = Object.fromEntries(
  readdirSync(LESSONS_DIR)
    .filter((name) => name.endsWith('.py'))
    .map((name) => [name, readFileSync(join(LESSONS_DIR, name), 'utf8')]),
);
const lessons = loadLessons(files);

/** Sentences end with . ! or ? before whitespace or the end ("asyncio.gather" is one word). */
function sentences(text: string): string[] {
  return text.split(/[.!?](?=\s|$)/).filter((part) => part.trim() !== '');
}

describe('built-in lessons', () => {
  it('every .py file in lessons/ is listed in LESSON_IDS, in file-name order, and the list covers the 15 lessons of the issue, backpressure, the thread pool and the echo server', () => {
    const onDisk = Object.keys(files)
      .map((name) => name.replace(/\.py$/, ''))
      .sort();
    expect([...LESSON_IDS]).toEqual(onDisk);
    expect(new Set(lessons.map((lesson) => lesson.number.replace(/[a-z]$/, ''))).size).toBe(18);
    expect(lessons).toHaveLength(19);
  });

  it.each(LESSON_IDS.map((id) => [id]))(
    '%s has a title and an explanation of two to four sentences',
    (id) => {
      const lesson = lessons.find((l) => l.id === id)!;
      expect(lesson.title.length).toBeGreaterThan(10);
      expect(lesson.title.length).toBeLessThanOrEqual(60);
      const count = sentences(lesson.explanation).length;
      expect(count, lesson.explanation).toBeGreaterThanOrEqual(2);
      expect(count, lesson.explanation).toBeLessThanOrEqual(4);
    },
  );

  it.each(LESSON_IDS.map((id) => [id]))(
    '%s: every printed-text bookmark names text the lesson prints',
    (id) => {
      const lesson = lessons.find((l) => l.id === id)!;
      const out = readFileSync(join(EXPECTED_DIR, `${id}.out`), 'utf8');
      expect(lesson.bookmarks.length).toBeGreaterThanOrEqual(1);
      for (const { condition } of lesson.bookmarks) {
        if (condition.kind === 'output') expect(out).toContain(condition.text);
      }
    },
  );

  it.each(LESSON_IDS.map((id) => [id]))(
    '%s has at least two questions of its own, each with 2-4 different choices and one right',
    (id) => {
      const lesson = lessons.find((l) => l.id === id)!;
      expect(lesson.questions.length).toBeGreaterThanOrEqual(2);
      for (const q of lesson.questions) {
        expect(q.choices.length).toBeGreaterThanOrEqual(2);
        expect(q.choices.length).toBeLessThanOrEqual(4);
        expect(new Set(q.choices).size).toBe(q.choices.length);
        expect(q.choices[q.answer]).toBeDefined();
        expect(sentences(q.why).length, q.why).toBe(1);
      }
    },
  );

  it.each(LESSON_IDS.map((id) => [id]))(
    '%s: every printed-text question names text the lesson prints',
    (id) => {
      const lesson = lessons.find((l) => l.id === id)!;
      const out = readFileSync(join(EXPECTED_DIR, `${id}.out`), 'utf8');
      for (const { condition } of lesson.questions) {
        if (condition.kind === 'output') expect(out).toContain(condition.text);
      }
    },
  );

  it('lesson 1 prints the chapter sentence exactly', () => {
    expect(readFileSync(join(EXPECTED_DIR, '01-gather.out'), 'utf8')).toBe(
      [
        'a: started',
        'b: started',
        'c: started',
        'b: finished',
        'a: finished',
        'c: finished',
        "Result: ['a', 'b', 'c']",
        '',
      ].join('\n'),
    );
  });

  it("lesson 2's sync and async halves name each other for the compare view", () => {
    const sync = lessons.find((l) => l.id === '02a-sync-waits')!;
    const async_ = lessons.find((l) => l.id === '02b-async-waits')!;
    expect([sync.compareWith, async_.compareWith]).toEqual(['02b-async-waits', '02a-sync-waits']);
    expect(lessons.filter((l) => l.compareWith)).toHaveLength(2);
  });

  it('lesson 2 takes a bit over 5 s in sequence and a bit over 3 s concurrently on the virtual clock', () => {
    // 3 s + 1 s + 1 s of /delay/N from example.com, each plus 0.21 s of network and think time.
    expect(readFileSync(join(EXPECTED_DIR, '02a-sync-waits.out'), 'utf8')).toMatch(/^elapsed 5\.630 s$/m);
    expect(readFileSync(join(EXPECTED_DIR, '02b-async-waits.out'), 'utf8')).toMatch(/^elapsed 3\.210 s$/m);
  });
});

describe('lesson header parser', () => {
  const header = (body: string) => `#!/usr/bin/env python3\n"""${body}"""\nimport asyncio\n`;

  it('reads title, explanation, compare partner and bookmarks from the module docstring', () => {
    const source = header(
      'A title line\n\nFirst sentence here.\n    Second sentence, wrapped.\n\nCompare with: 02b-async-waits\n\nBookmarks:\n    at t=0.1 -> watch: b wakes\n    when "b: finished" is printed -> b is done\n',
    );
    expect(parseLesson('01-x', source)).toEqual({
      id: '01-x',
      number: '1',
      title: 'A title line',
      explanation: 'First sentence here. Second sentence, wrapped.',
      compareWith: '02b-async-waits',
      bookmarks: [
        { when: 'at t=0.1', condition: { kind: 'time', time: 0.1 }, caption: 'watch: b wakes' },
        {
          when: 'when "b: finished" is printed',
          condition: { kind: 'output', text: 'b: finished' },
          caption: 'b is done',
        },
      ],
      questions: [],
      source,
    });
  });

  it('reads every bookmark condition form of the README', () => {
    expect(
      [
        'at t=3',
        'at the end',
        'when "x -> y" is printed',
        'when task worker-2 finishes',
        'when task b starts',
        'when task b waits',
        'when line 12 runs',
        'when the clock jumps',
        'when the clock jumps to t=2.5',
      ].map(parseCondition),
    ).toEqual([
      { kind: 'time', time: 3 },
      { kind: 'end' },
      { kind: 'output', text: 'x -> y' },
      { kind: 'task', task: 'worker-2', event: 'finishes' },
      { kind: 'task', task: 'b', event: 'starts' },
      { kind: 'task', task: 'b', event: 'waits' },
      { kind: 'line', line: 12 },
      { kind: 'clock' },
      { kind: 'clock', to: 2.5 },
    ]);
  });

  it.each([
    ['no docstring', 'import asyncio\n', 'no module docstring'],
    ['an unclosed docstring', '"""Title\n\nText.\n', 'not closed'],
    ['a two-line title', header('Title\nmore title\n\nText. More.\n'), 'one-line title'],
    ['no explanation', header('Title\n'), 'explanation paragraph is missing'],
    [
      'an unknown condition',
      header('Title\n\nText. More.\n\nBookmarks:\n    sometime -> caption\n'),
      'not one of the forms',
    ],
    [
      'a bookmark without caption',
      header('Title\n\nText. More.\n\nBookmarks:\n    at the end\n'),
      'condition -> caption',
    ],
    [
      'an unknown paragraph',
      header('Title\n\nText. More.\n\nNotes: hi\n'),
      'unexpected paragraph "Notes: hi"',
    ],
  ])('rejects %s with a LessonFormatError that says why', (_name, source, message) => {
    expect(() => parseLesson('09-bad', source)).toThrow(LessonFormatError);
    expect(() => parseLesson('09-bad', source)).toThrow(`lesson 09-bad: `);
    expect(() => parseLesson('09-bad', source)).toThrow(message);
  });

  it('reads a Questions paragraph: condition, wording, choices with the right one starred, and why', () => {
    const source = header(
      'Title\n\nText. More.\n\nQuestions:\n    when "x -> y" is printed -> What comes next? -> a | *b -> because b -> c\n    at the end -> How? -> one | two | *three | four -> It is three.\n',
    );
    expect(parseLesson('01-x', source).questions).toEqual([
      {
        when: 'when "x -> y" is printed',
        condition: { kind: 'output', text: 'x -> y' },
        prompt: 'What comes next?',
        choices: ['a', 'b'],
        answer: 1,
        why: 'because b -> c',
      },
      {
        when: 'at the end',
        condition: { kind: 'end' },
        prompt: 'How?',
        choices: ['one', 'two', 'three', 'four'],
        answer: 2,
        why: 'It is three.',
      },
    ]);
  });

  it.each([
    ['no choices part', 'at the end -> How? -> It is.', 'condition -> question -> choice'],
    ['an unknown condition', 'sometime -> How? -> *a | b -> Why.', 'not one of the bookmark forms'],
    ['no right choice', 'at the end -> How? -> a | b -> Why.', 'exactly one choice right'],
    ['two right choices', 'at the end -> How? -> *a | *b -> Why.', 'exactly one choice right'],
    ['one choice', 'at the end -> How? -> *a -> Why.', 'has 1 choices: give 2 to 4'],
    ['five choices', 'at the end -> How? -> *a | b | c | d | e -> Why.', 'has 5 choices'],
    ['a repeated choice', 'at the end -> How? -> *a | a -> Why.', 'repeats a choice'],
    ['no explanation', 'at the end -> How? -> *a | b -> ', 'condition -> question -> choice'],
  ])('rejects a question with %s', (_name, line, message) => {
    const source = header(`Title\n\nText. More.\n\nQuestions:\n    ${line}\n`);
    expect(() => parseLesson('09-bad', source)).toThrow(LessonFormatError);
    expect(() => parseLesson('09-bad', source)).toThrow(message);
  });

  it('loadLessons names the lesson whose file is missing', () => {
    expect(() => loadLessons({ 'lessons/01-gather.py': files['01-gather.py'] })).toThrow(
      'lesson 02a-sync-waits: file not found',
    );
  });
});

// A teacher's lesson file: told from a plain program by its header, parsed as a built-in
// lesson is, refused in words when its header is wrong; and the header the app writes for a
// program parses back as a lesson whose bookmarks land on the run.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Trace } from '../../common/trace';
import { findBookmarkStep } from '../../lessons/bookmarks';
import { lessonFromFile, lessonHeader } from '../../lessons/lessonFile';
import { parseLesson } from '../../lessons/lessons';

const ROOT = join(import.meta.dirname, '../..');
const gather = readFileSync(join(ROOT, 'lessons/01-gather.py'), 'utf8');
const gatherTrace = JSON.parse(
  readFileSync(join(ROOT, 'lessons/expected/01-gather.trace.json'), 'utf8'),
) as Trace;

const OWN = `#!/usr/bin/env python3
"""Two workers share a queue

The producer puts three jobs on the queue and the workers take them in turn.
Each job sleeps, so the loop runs the other worker meanwhile.

Bookmarks:
    when "job 1 done" is printed -> watch: the second worker already started
"""
import asyncio
`;

describe('a lesson file', () => {
  it('opens as a lesson when its docstring has a lesson header, named after the file', () => {
    const lesson = lessonFromFile('/home/t/queue_workers.py', OWN);
    expect(lesson).toMatchObject({
      id: 'queue_workers',
      title: 'Two workers share a queue',
      bookmarks: [{ caption: 'watch: the second worker already started' }],
    });
  });

  it('is the same lesson as the built-in one when a built-in lesson file is opened from disk', () => {
    expect(lessonFromFile('C:\\lessons\\01-gather.py', gather)).toEqual(parseLesson('01-gather', gather));
  });

  it('is a plain program without a docstring, or with a docstring that is no lesson header', () => {
    expect(lessonFromFile('a.py', 'import asyncio\n')).toBeNull();
    expect(
      lessonFromFile('a.py', '"""Just a module docstring.\n\nIt explains the module."""\nx = 1\n'),
    ).toBeNull();
    expect(lessonFromFile('a.py', 'x = 1\n"""Bookmarks:\n    at the end -> x\n"""\n')).toBeNull();
  });

  it('says what is wrong with a lesson header it cannot read', () => {
    const broken = OWN.replace('    when "job 1 done" is printed -> watch', '    when job 1 done -> watch');
    expect(lessonFromFile('q.py', broken)).toEqual({
      problem: expect.stringMatching(/^lesson q: .*bookmark/i),
    });
  });
});

describe('New Lesson from This Program', () => {
  const program = gather.slice(gather.indexOf('import asyncio'));
  const trace = { ...gatherTrace, source: program };

  it('writes a header that parses back as a lesson whose bookmarks land on this run', () => {
    const text = lessonHeader('my_gather.py', program, trace);
    expect(text.endsWith(program)).toBe(true);
    const lesson = lessonFromFile('my_gather.py', text);
    expect(lesson).toMatchObject({ id: 'my_gather', title: 'My gather' });
    const bookmarks = (lesson as { bookmarks: { condition: Parameters<typeof findBookmarkStep>[1] }[] })
      .bookmarks;
    expect(bookmarks.map((b) => findBookmarkStep(trace, b.condition))).toEqual([
      trace.steps.findIndex((s) => s.kind === 'clock'),
      trace.steps.length - 1,
    ]);
  });

  it('writes only an end bookmark without a run of this very source', () => {
    const text = lessonHeader('x.py', program, null);
    expect(text).toContain('Bookmarks:\n    at the end -> the run is over\n');
  });

  it('refuses a program that already starts with a docstring, saying what to do', () => {
    expect(() => lessonHeader('g.py', gather, null)).toThrow(
      /already starts with a docstring: add a "Bookmarks:"/,
    );
  });
});

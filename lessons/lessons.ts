// The built-in lessons' order and the parser for their headers (format: lessons/README.md).
// Pure string work, no Node or DOM: the renderer bundles it with the sources (Vite ?raw) and
// the tests read the files from disk. A malformed header throws LessonFormatError, because a
// lesson that silently loses its bookmarks is worse than a failing test.
import { parseQuestionLine, type AuthoredQuestion } from './questions';

/** Lesson ids (file names without .py) in teaching order. Lesson 2 has a sync and an async half. */
export const LESSON_IDS = [
  '01-gather',
  '02a-sync-waits',
  '02b-async-waits',
  '03-blocking-call',
  '04-blocking-read',
  '05-create-task',
  '06-sleep-zero',
  '07-lost-update',
  '08-taskgroup',
  '09-queue',
  '10-semaphore',
  '11-timeouts',
  '12-cancel-shield',
  '13-as-completed',
  '14-many-clients',
  '15-deadlock',
  '16-backpressure',
  '17-thread-pool',
  '18-echo-server',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

/** A moment in a run, found in its trace (lessons/bookmarks.ts finds it). */
export type BookmarkCondition =
  /** `at t=0.1`: the first step at or after that virtual time. */
  | { kind: 'time'; time: number }
  /** `at the end`: the last step. */
  | { kind: 'end' }
  /** `when "b: finished" is printed`: the step whose output contains the text. */
  | { kind: 'output'; text: string }
  /** `when task b starts|waits|finishes`: by task name or coroutine name. */
  | { kind: 'task'; task: string; event: 'starts' | 'waits' | 'finishes' }
  /** `when line 12 runs`: the first step that executes that line. */
  | { kind: 'line'; line: number }
  /** `when the clock jumps` or `when the clock jumps to t=3`. */
  | { kind: 'clock'; to?: number };

export interface Bookmark {
  /** The condition as written, e.g. `when "b: finished" is printed`. */
  when: string;
  condition: BookmarkCondition;
  /** What to watch, e.g. "watch: b finishes first although it started second". */
  caption: string;
}

export interface Lesson {
  id: string;
  /** As shown in the list: "1", "2a", "15". */
  number: string;
  title: string;
  /** One paragraph of two to four sentences, lines joined with spaces. */
  explanation: string;
  bookmarks: Bookmark[];
  /** Predict mode's questions at bookmark conditions (lessons/questions.ts). */
  questions: AuthoredQuestion[];
  /** The other half of a side-by-side pair (lesson 2: sync and async). */
  compareWith?: string;
  source: string;
}

export class LessonFormatError extends Error {
  constructor(id: string, message: string) {
    super(`lesson ${id}: ${message}`);
    this.name = 'LessonFormatError';
  }
}

const DOCSTRING_START = /^[rR]?("""|''')/;
const BOOKMARK_SEPARATOR = ' -> ';

/** `lessons/01-gather.py` or `../../../lessons/01-gather.py` -> `01-gather`. */
export function lessonIdFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.py$/, '');
}

/** `01-gather` -> `1`, `02a-sync-waits` -> `2a`. */
export function lessonNumber(id: string): string {
  const match = /^0*(\d+[a-z]?)-/.exec(id);
  return match ? match[1] : id;
}

/** Parses one lesson's source (see lessons/README.md for the header format). */
export function parseLesson(id: string, source: string): Lesson {
  const text = source.replace(/\r\n?/g, '\n');
  const lines = moduleDocstring(id, text);
  const paragraphs = splitParagraphs(lines);
  const [titleBlock, explanationBlock, ...sections] = paragraphs;
  if (!titleBlock || titleBlock.length !== 1) {
    throw new LessonFormatError(id, 'the docstring must open with a one-line title and a blank line');
  }
  if (!explanationBlock || isSection(explanationBlock[0])) {
    throw new LessonFormatError(id, 'the explanation paragraph is missing after the title');
  }
  const lesson: Lesson = {
    id,
    number: lessonNumber(id),
    title: titleBlock[0].trim(),
    explanation: explanationBlock.map((line) => line.trim()).join(' '),
    bookmarks: [],
    questions: [],
    source,
  };
  for (const block of sections) {
    const head = block[0].trim();
    const compare = /^Compare with:\s*(\S+)$/.exec(head);
    if (compare && block.length === 1) {
      lesson.compareWith = compare[1];
    } else if (head === 'Bookmarks:') {
      lesson.bookmarks.push(...block.slice(1).map((line) => parseBookmarkLine(id, line)));
    } else if (head === 'Questions:') {
      for (const line of block.slice(1)) {
        const parsed = parseQuestionLine(line, parseCondition);
        if (typeof parsed === 'string') throw new LessonFormatError(id, parsed);
        lesson.questions.push(parsed);
      }
    } else {
      throw new LessonFormatError(
        id,
        `unexpected paragraph "${head}": only "Compare with:", "Bookmarks:" and "Questions:" may follow the explanation`,
      );
    }
  }
  return lesson;
}

/** Parses every lesson in `files` (path -> source) and returns them in LESSON_IDS order. */
export function loadLessons(files: Record<string, string>): Lesson[] {
  const byId = new Map(Object.entries(files).map(([path, source]) => [lessonIdFromPath(path), source]));
  return LESSON_IDS.map((id) => {
    const source = byId.get(id);
    if (source === undefined) throw new LessonFormatError(id, 'file not found');
    return parseLesson(id, source);
  });
}

/** Parses a bookmark condition such as `at t=0.1` or `when "b: finished" is printed`. */
export function parseCondition(text: string): BookmarkCondition | null {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^at t=(\d+(?:\.\d+)?)$/.exec(s))) return { kind: 'time', time: Number(m[1]) };
  if (s === 'at the end') return { kind: 'end' };
  if ((m = /^when "(.+)" is printed$/.exec(s))) return { kind: 'output', text: m[1] };
  if ((m = /^when task (\S+) (starts|waits|finishes)$/.exec(s))) {
    return { kind: 'task', task: m[1], event: m[2] as 'starts' | 'waits' | 'finishes' };
  }
  if ((m = /^when line (\d+) runs$/.exec(s))) return { kind: 'line', line: Number(m[1]) };
  if (s === 'when the clock jumps') return { kind: 'clock' };
  if ((m = /^when the clock jumps to t=(\d+(?:\.\d+)?)$/.exec(s))) return { kind: 'clock', to: Number(m[1]) };
  return null;
}

function parseBookmarkLine(id: string, line: string): Bookmark {
  const at = line.indexOf(BOOKMARK_SEPARATOR);
  if (at < 0) throw new LessonFormatError(id, `bookmark "${line.trim()}" needs "condition -> caption"`);
  const when = line.slice(0, at).trim();
  const caption = line.slice(at + BOOKMARK_SEPARATOR.length).trim();
  const condition = parseCondition(when);
  if (!condition)
    throw new LessonFormatError(
      id,
      `bookmark condition "${when}" is not one of the forms in lessons/README.md`,
    );
  if (!caption) throw new LessonFormatError(id, `bookmark "${when}" has no caption`);
  return { when, condition, caption };
}

/** The module docstring's lines, dedented; comment lines and blank lines may come before it. */
function moduleDocstring(id: string, text: string): string[] {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i].trim() === '' || lines[i].trimStart().startsWith('#'))) i++;
  const open = DOCSTRING_START.exec(lines[i] ?? '');
  if (!open) throw new LessonFormatError(id, 'no module docstring at the top of the file');
  const quote = open[1];
  const start = lines.slice(0, i).reduce((offset, line) => offset + line.length + 1, 0);
  const rest = text.slice(start + open[0].length);
  const close = rest.indexOf(quote);
  if (close < 0) throw new LessonFormatError(id, 'the module docstring is not closed');
  const body = rest.slice(0, close).split('\n');
  // PEP 257: the first line keeps its text; the others lose their common indentation.
  const indents = body
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.length - line.trimStart().length);
  const common = indents.length ? Math.min(...indents) : 0;
  return [body[0], ...body.slice(1).map((line) => line.slice(common))].map((line) => line.trimEnd());
}

function splitParagraphs(lines: string[]): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

function isSection(line: string): boolean {
  return /^(Bookmarks:|Questions:|Compare with:)/.test(line.trim());
}

// A teacher's own lesson: any .py whose module docstring has a Loopscope lesson header (a
// "Bookmarks:", "Questions:" or "Compare with:" paragraph after the title and explanation)
// opens as a lesson, exactly as a built-in one; the header stays a docstring Python ignores.
// `lessonHeader` writes such a header for a program that has none ("New Lesson from This
// Program"). Pure: no DOM, no Node.
import type { Trace } from '../common/trace';
import { LessonFormatError, lessonIdFromPath, parseLesson, type Lesson } from './lessons';

const SECTION = /^\s*(Bookmarks:|Questions:|Compare with:)/m;
const DOCSTRING_AT_TOP = /^(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*(?:[rRuU]?)("""|''')([\s\S]*?)\1/;

/** The lesson a file holds, null when it is a plain program, or why its header cannot be read. */
export function lessonFromFile(path: string, source: string): Lesson | null | { problem: string } {
  const text = source.replace(/\r\n?/g, '\n');
  const doc = DOCSTRING_AT_TOP.exec(text);
  if (!doc || !SECTION.test(doc[2])) return null;
  try {
    return parseLesson(lessonIdFromPath(path), source);
  } catch (e) {
    if (e instanceof LessonFormatError) return { problem: e.message };
    throw e;
  }
}

/** A title from a file name: "echo_server.py" -> "Echo server". */
function titleOf(path: string): string {
  const words = lessonIdFromPath(path)
    .replace(/^\d+[a-z]?-/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'My lesson';
}

const seconds = (t: number): string => `${Number(t.toFixed(3))}`;

/**
 * The program with a lesson header in front: a title from the file name, an explanation to
 * write, and bookmarks at the run's first clock jump and its end (from the trace of this very
 * source); throws, saying why, when the program already starts with a docstring.
 */
export function lessonHeader(path: string, source: string, trace: Trace | null): string {
  if (DOCSTRING_AT_TOP.exec(source.replace(/\r\n?/g, '\n'))) {
    throw new Error(
      'This program already starts with a docstring: add a "Bookmarks:" paragraph to it to make it a lesson (lessons/README.md says how).',
    );
  }
  const bookmarks: string[] = [];
  if (trace && trace.source === source) {
    const jump = trace.steps.find((s) => s.kind === 'clock');
    if (jump)
      bookmarks.push(
        `    at t=${seconds(jump.time)} -> the first clock jump: nothing was ready, so the loop waited`,
      );
    const last = trace.steps[trace.steps.length - 1];
    bookmarks.push(`    at the end -> the run is over at t=${seconds(last?.time ?? 0)} s`);
  } else bookmarks.push('    at the end -> the run is over');
  const header = [
    `"""${titleOf(path)}`,
    '',
    'What this program shows, in two to four sentences a learner can follow. Say what to',
    'watch for on the stage.',
    '',
    'Bookmarks:',
    ...bookmarks,
    '"""',
  ].join('\n');
  return `${header}\n${source.startsWith('\n') ? '' : '\n'}${source}`;
}

/// <reference types="vite/client" />
// The built-in lessons, bundled at build time: Vite inlines every lessons/*.py as a string
// (?raw), and lessons/lessons.ts parses their headers. A malformed header fails the build's
// first import, not a presenter in front of a class.
import { loadLessons, type Lesson } from '../../../lessons/lessons';

const sources = import.meta.glob('../../../lessons/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Every built-in lesson, in teaching order. */
export const BUILTIN_LESSONS: readonly Lesson[] = loadLessons(sources);

export function lessonById(id: string): Lesson | undefined {
  return BUILTIN_LESSONS.find((lesson) => lesson.id === id);
}

export type { Bookmark, BookmarkCondition, Lesson } from '../../../lessons/lessons';

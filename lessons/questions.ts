// A lesson's own predict-mode questions (the header's "Questions:" paragraph, lessons/README.md):
// asked before the step a bookmark condition names, with the author's wording, choices and
// explanation. Pure string work like lessons.ts; the line format is
//   CONDITION -> QUESTION -> CHOICE | *RIGHT CHOICE | CHOICE -> WHY
import type { BookmarkCondition } from './lessons';

export interface AuthoredQuestion {
  /** The condition as written, e.g. `when "b: finished" is printed`. */
  when: string;
  condition: BookmarkCondition;
  prompt: string;
  /** Two to four, all different, in the author's order. */
  choices: string[];
  /** Index of the right one (marked with a leading `*` in the header). */
  answer: number;
  /** One sentence shown with the verdict. */
  why: string;
}

const SEPARATOR = ' -> ';
const CHOICE_SEPARATOR = ' | ';
const RIGHT_MARK = '*';
export const MIN_AUTHORED_CHOICES = 2;
export const MAX_AUTHORED_CHOICES = 4;

/**
 * Parses one question line; returns the question or the reason it is malformed (the caller
 * wraps that in its LessonFormatError, so this file needs nothing from lessons.ts at run time).
 */
export function parseQuestionLine(
  line: string,
  parseCondition: (text: string) => BookmarkCondition | null,
): AuthoredQuestion | string {
  const text = line.trim();
  // The condition may itself hold " -> " (printed text): take the shortest prefix that parses.
  let condition: BookmarkCondition | null = null;
  let at = text.indexOf(SEPARATOR);
  while (at >= 0 && !(condition = parseCondition(text.slice(0, at)))) at = text.indexOf(SEPARATOR, at + 1);
  const rest = at >= 0 ? text.slice(at + SEPARATOR.length).split(SEPARATOR) : [];
  const shape = `question "${text}" needs "condition -> question -> choice | *right | choice -> why"`;
  if (!condition) {
    const parts = text.split(SEPARATOR);
    return parts.length < 4
      ? shape
      : `question condition "${parts[0]}" is not one of the bookmark forms in lessons/README.md`;
  }
  if (rest.length < 3) return shape;
  const when = text.slice(0, at).trim();
  const [prompt, list] = rest.map((p) => p.trim());
  const why = rest.slice(2).join(SEPARATOR).trim();
  if (!prompt) return `question at "${when}" has no wording`;
  if (!why) return `question at "${when}" has no explanation`;
  const raw = list.split(CHOICE_SEPARATOR).map((c) => c.trim());
  const marked = raw.filter((c) => c.startsWith(RIGHT_MARK));
  if (marked.length !== 1) return `question at "${when}" must mark exactly one choice right with "*"`;
  const choices = raw.map((c) => (c.startsWith(RIGHT_MARK) ? c.slice(RIGHT_MARK.length).trim() : c));
  if (choices.length < MIN_AUTHORED_CHOICES || choices.length > MAX_AUTHORED_CHOICES)
    return `question at "${when}" has ${choices.length} choices: give 2 to 4`;
  if (choices.some((c) => c === '')) return `question at "${when}" has an empty choice`;
  if (new Set(choices).size !== choices.length) return `question at "${when}" repeats a choice`;
  return { when, condition, prompt, choices, answer: raw.indexOf(marked[0]), why };
}

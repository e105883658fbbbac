// What the code panel keeps in view and folds, as pure functions of the document: the running
// task's line (and the selected task's, when both fit) and a lesson's header docstring.
import type { Text } from '@codemirror/state';
import type { CodeMarks } from './codeMarks';

/** Lines of room kept above and below a followed line, so it never sits on the panel's edge. */
export const FOLLOW_MARGIN_LINES = 2;

export interface FollowTarget {
  /** Document offsets: the editor scrolls the range into view, `head` first when both do not fit. */
  anchor: number;
  head: number;
}

/**
 * The lines to keep in view: the running task's and the selected task's. The running line wins
 * when the two are too far apart for the panel (it is the range's head). Null: nothing to follow.
 */
export function followTarget(doc: Text, marks: CodeMarks, selected: number | null): FollowTarget | null {
  const inDoc = (line: number | undefined): number | undefined =>
    line !== undefined && line >= 1 && line <= doc.lines ? line : undefined;
  const running = inDoc(marks.tasks.find((m) => m.running)?.line ?? marks.errorLine);
  const chosen = inDoc(selected === null ? undefined : marks.tasks.find((m) => m.actor === selected)?.line);
  const head = running ?? chosen;
  if (head === undefined) return null;
  const anchor = chosen ?? head;
  // From the start of the upper line to the end of the lower one, so both whole lines show.
  return head >= anchor
    ? { anchor: doc.line(anchor).from, head: doc.line(head).to }
    : { anchor: doc.line(anchor).to, head: doc.line(head).from };
}

const OPENING = /^[ \t]*(?:[rRuU]|[rR][bB]|[bB][rR])?("""|''')/;

/**
 * The module docstring's fold range (a lesson's header: title, explanation, bookmarks), from the
 * end of its first line to the end of its closing quotes; null when the file has none or it is
 * one line. Comment lines (a shebang, a directive) may come first, as in the lesson format.
 */
export function headerFoldRange(doc: Text): { from: number; to: number } | null {
  for (let n = 1; n <= doc.lines; n++) {
    const line = doc.line(n);
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const open = OPENING.exec(line.text);
    if (!open) return null;
    const quote = open[1];
    const afterOpen = line.from + open[0].length;
    if (line.text.indexOf(quote, open[0].length) >= 0) return null; // a one-line docstring
    const close = doc.sliceString(afterOpen).indexOf(quote);
    if (close < 0) return null;
    const end = doc.lineAt(afterOpen + close).to;
    return end > line.to ? { from: line.to, to: end } : null;
  }
  return null;
}

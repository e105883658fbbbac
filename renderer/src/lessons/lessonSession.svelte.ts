// The open lesson and the lessons panel. A lesson is a program in the editor plus its title,
// explanation and bookmarks; the bookmarks are placed on the run only while the editor still
// holds the lesson's own source (an edited program has other steps). The welcome shows the
// panel once per installation, remembered in localStorage (a renderer-only preference).
import { placeBookmarks, type PlacedBookmark } from '../../../lessons/bookmarks';
import type { Trace } from '../../../common/trace';
import { lessonFromFile } from '../../../lessons/lessonFile';
import { lessonById, type Lesson } from './builtin';

const WELCOMED_KEY = 'loopscope.welcomed';

export class LessonSession {
  current = $state.raw<Lesson | null>(null);
  /** Why an opened file's lesson header could not be read (it then runs as a plain program). */
  headerProblem = $state('');
  panelOpen = $state(false);
  /** The panel is the first-start welcome (a greeting above the list). */
  welcome = $state(false);
  readonly #trace: () => Trace | null;
  readonly #open: (lesson: Lesson) => void;

  constructor(trace: () => Trace | null, open: (lesson: Lesson) => void) {
    this.#trace = trace;
    this.#open = open;
  }

  bookmarks = $derived.by((): PlacedBookmark[] => {
    const trace = this.#trace();
    const lesson = this.current;
    if (!trace || !lesson || trace.source !== lesson.source) return [];
    return placeBookmarks(trace, lesson.bookmarks);
  });

  /** The other half of the lesson's pair (lesson 2), when it names one. */
  partner = $derived(this.current?.compareWith ? (lessonById(this.current.compareWith) ?? null) : null);

  /** Shows the welcome unless this installation has seen it. */
  welcomeOnce(): void {
    if (readFlag()) return;
    this.welcome = true;
    this.panelOpen = true;
  }

  showPanel(): void {
    this.welcome = false;
    this.panelOpen = true;
  }

  closePanel(): void {
    this.panelOpen = false;
    this.welcome = false;
    writeFlag();
  }

  pick(lesson: Lesson): void {
    this.current = lesson;
    this.closePanel();
    this.#open(lesson);
  }

  /**
   * A program came into the editor: the panel makes way. A built-in lesson is already current;
   * a file with a lesson header of its own (lessons/lessonFile.ts) becomes the lesson, exactly as
   * a built-in one; any other program ends the lesson.
   */
  programOpened(lesson: boolean, text = '', name = ''): void {
    if (this.panelOpen) this.closePanel();
    this.headerProblem = '';
    if (lesson) return;
    const found = name ? lessonFromFile(name, text) : null;
    if (found && 'problem' in found) {
      this.headerProblem = `${name} has a lesson header Loopscope cannot read, so it runs as a plain program: ${found.problem}`;
      this.current = null;
    } else this.current = found;
  }

  /** The lesson to show while `fileName` is in the editor: it stays while edited, not after File > Open. */
  shownFor(fileName: string): Lesson | null {
    return this.current && fileName === `${this.current.id}.py` ? this.current : null;
  }

  /** The step of the next (+1) or previous (-1) bookmark from `step`, or null when none. */
  bookmarkFrom(step: number, direction: 1 | -1): number | null {
    const steps = this.bookmarks.map((b) => b.step);
    const found = direction > 0 ? steps.find((s) => s > step) : steps.findLast((s) => s < step);
    return found ?? null;
  }

  captionAt(step: number): string {
    return this.bookmarks.find((b) => b.step === step)?.caption ?? '';
  }
}

function readFlag(): boolean {
  try {
    return localStorage.getItem(WELCOMED_KEY) === '1';
  } catch {
    return false;
  }
}

function writeFlag(): void {
  try {
    localStorage.setItem(WELCOMED_KEY, '1');
  } catch {
    // No storage (a locked-down profile): the welcome shows again next time, which is harmless.
  }
}

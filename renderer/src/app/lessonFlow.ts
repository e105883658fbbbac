// Builds the desktop controller, the lessons and the compare view, which need each other:
// opening a lesson is File > New with its text (app/desktopWiring.ts), and while presenting the
// clicker steps the compare view when it is open. Called by the composition root (app/root.svelte.ts).
import { loopscope } from '../bridge';
import { CompareState, type CompareProgram } from '../compare/compare.svelte';
import type { DesktopController } from '../desktop/desktop.svelte';
import type { Player } from '../player/player.svelte';
import { createDesktop, type PendingProgram, type PngSources } from './desktopWiring';
import type { Runner } from '../run/runner.svelte';
import { lessonById, type Lesson } from '../lessons/builtin';
import { LessonSession } from '../lessons/lessonSession.svelte';

/** The pair the compare view opens with when nothing else is chosen: lesson 2's two halves. */
export const DEFAULT_PAIR = ['02a-sync-waits', '02b-async-waits'] as const;

export interface LessonFlow {
  desktop: DesktopController;
  lessons: LessonSession;
  compare: CompareState;
  /** Compares the open lesson with its partner, or else the default pair. */
  compareLesson(): void;
  /** Asks for two programs with the Open dialog and compares them (View > Compare Side by Side…). */
  compareFiles(): Promise<void>;
}

const program = (lesson: Lesson): CompareProgram => ({ name: `${lesson.id}.py`, source: lesson.source });

/** Creates the desktop controller (app/desktopWiring.ts) with the lessons that open through it. */
export function createLessonFlow(player: Player, runner: Runner, png: PngSources): LessonFlow {
  const pending: { program: PendingProgram | null } = { program: null };
  const desktop = createDesktop(
    player,
    runner,
    png,
    () => pending.program,
    (lesson, text, name) => lessons.programOpened(lesson, text, name),
    // While presenting, the clicker steps the compare view when it is open.
    () => (compare.open ? compare : null),
  );
  const open = async (lesson: Lesson): Promise<void> => {
    pending.program = { text: lesson.source, name: `${lesson.id}.py` };
    try {
      // Without the desktop half (a browser build, the stage specs' bridge) straight into the editor.
      if (desktop.settings) await desktop.newFile();
      else {
        runner.source = lesson.source;
        runner.fileName = pending.program.name;
        void runner.run();
      }
    } finally {
      pending.program = null;
    }
  };
  const lessons = new LessonSession(
    () => player.trace,
    (lesson) => void open(lesson),
  );
  const compare = new CompareState({ acquire: () => runner.suspend(), release: () => runner.resume() });
  const compareLesson = (): void => {
    const current = lessons.current;
    const partner = lessons.partner;
    const [a, b] = current && partner ? [current, partner] : DEFAULT_PAIR.map((id) => lessonById(id)!);
    // Lesson order puts the sync half (2a) on the left.
    const [left, right] = a.id < b.id ? [a, b] : [b, a];
    player.pause();
    void compare.show(program(left), program(right));
  };
  const compareFiles = async (): Promise<void> => {
    const picked: CompareProgram[] = [];
    try {
      for (let side = 0; side < 2; side++) {
        const file = await loopscope.file.pickToCompare();
        if (!file) return; // cancelled: nothing changes
        picked.push({ name: file.name, source: file.text });
      }
    } catch (e) {
      compare.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    player.pause();
    void compare.show(picked[0], picked[1]);
  };
  return {
    desktop,
    lessons,
    compare,
    compareLesson,
    compareFiles,
  };
}

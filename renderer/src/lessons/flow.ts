// Wires lessons and the compare view to the rest of the app: opening a lesson (File > New with
// its text, see run/desktop.ts), its pair side by side, and their menu commands.
import type { MenuCommand } from '../bridge';
import { CompareState, type CompareProgram } from '../compare/compare.svelte';
import type { DesktopController } from '../desktop/desktop.svelte';
import type { Player } from '../player/player.svelte';
import type { PendingProgram } from '../run/desktop';
import type { Runner } from '../run/runner.svelte';
import { lessonById, type Lesson } from './builtin';
import { LessonSession } from './lessonSession.svelte';

/** The pair the compare view opens with when nothing else is chosen: lesson 2's two halves. */
export const DEFAULT_PAIR = ['02a-sync-waits', '02b-async-waits'] as const;

export interface LessonFlow {
  lessons: LessonSession;
  compare: CompareState;
  /** Compares the open lesson with its partner, or else the default pair. */
  compareLesson(): void;
  menu: Partial<Record<MenuCommand, () => void>>;
}

const program = (lesson: Lesson): CompareProgram => ({ name: `${lesson.id}.py`, source: lesson.source });

export function createLessonFlow(
  player: Player,
  runner: Runner,
  desktop: DesktopController,
  pending: { program: PendingProgram | null },
): LessonFlow {
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
  const compare = new CompareState();
  const compareLesson = (): void => {
    const current = lessons.current;
    const partner = lessons.partner;
    const [a, b] =
      current && partner ? [current, partner] : DEFAULT_PAIR.map((id) => lessonById(id)!);
    // Lesson order puts the sync half (2a) on the left.
    const [left, right] = a.id < b.id ? [a, b] : [b, a];
    player.pause();
    void compare.show(program(left), program(right));
  };
  return {
    lessons,
    compare,
    compareLesson,
    menu: {
      'view:lessons': () => lessons.showPanel(),
      'view:compare': compareLesson,
    },
  };
}

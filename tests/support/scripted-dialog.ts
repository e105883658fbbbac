// A dialog port that answers from a script and records what was asked: the unit tests and
// the end-to-end harness drive the file workflow with it instead of real dialogs.
import type { DialogPort, UnsavedAnswer } from '../../main/files/ports';

export interface ScriptedDialog extends DialogPort {
  /** Answers for the next Open dialogs (null = cancelled). */
  openAnswers: (string | null)[];
  /** Answers for the next Save / Save As / Export dialogs. */
  saveAnswers: (string | null)[];
  /** Answers for the next "save changes before closing?" questions. */
  unsavedAnswers: UnsavedAnswer[];
  /** What was asked, in order: 'open', 'save:<title>:<default name>', 'unsaved:<name>'. */
  asked: string[];
}

export function scriptedDialog(): ScriptedDialog {
  const dialog: ScriptedDialog = {
    openAnswers: [],
    saveAnswers: [],
    unsavedAnswers: [],
    asked: [],
    async openPython() {
      dialog.asked.push('open');
      return dialog.openAnswers.shift() ?? null;
    },
    async savePath({ title, defaultName }) {
      dialog.asked.push(`save:${title}:${defaultName}`);
      return dialog.saveAnswers.shift() ?? null;
    },
    async confirmUnsaved(name) {
      dialog.asked.push(`unsaved:${name}`);
      return dialog.unsavedAnswers.shift() ?? 'cancel';
    },
  };
  return dialog;
}

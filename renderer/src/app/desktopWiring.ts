// Connects the desktop workflow (renderer/src/desktop) to the player and the runner:
// files in and out of the editor, clicker keys, saved settings, and File > Export producers.
import { DesktopController } from '../desktop/desktop.svelte';
import { stepsMarkdown, timelineSvg } from '../player/exports';
import type { Player } from '../player/player.svelte';
import type { Runner } from '../run/runner.svelte';

export interface PngSources {
  stage: (() => Promise<Uint8Array>) | null;
  timeline: (() => Promise<Uint8Array>) | null;
}

/** Anything the clicker keys can step: the player, or the compare view while it is open. */
export interface Stepper {
  forward(): void;
  back(): void;
  toStart(): void;
  toEnd(): void;
}

/** A program to open as a new untitled document (a lesson), with the name its runs carry. */
export interface PendingProgram {
  text: string;
  name: string;
}

/**
 * Opening a lesson is File > New with the lesson's text: the controller asks about unsaved
 * edits, forgets the current file (so Save cannot overwrite it with the lesson) and adopts the
 * text; `pending` supplies that text and the lesson's file name while the New is under way.
 */
export function createDesktop(
  player: Player,
  runner: Runner,
  png: PngSources,
  pending: () => PendingProgram | null = () => null,
  /** A program came in (File > Open, New, a draft, a lesson): the lessons panel steps aside. */
  onProgram: (lesson: boolean, text: string, name: string) => void = () => undefined,
  /** What the clicker steps instead of the player while it is shown (the compare view). */
  stepper: () => Stepper | null = () => null,
): DesktopController {
  const needModel = () => {
    if (!player.model || !player.timeline) throw new Error('There is no run to export yet.');
    return { model: player.model, timeline: player.timeline };
  };
  const needPng = (f: (() => Promise<Uint8Array>) | null, what: string) => {
    if (!f) throw new Error(`The ${what} is not ready to export yet.`);
    return f();
  };
  return new DesktopController({
    getText: () => runner.source,
    setText: (text, name) => {
      const program = pending();
      runner.source = text;
      runner.fileName = program && program.text === text ? program.name : name;
      onProgram(program !== null, text, runner.fileName);
      void runner.run();
    },
    get newProgram() {
      return pending()?.text ?? '';
    },
    player: {
      forward: () => (stepper() ?? player).forward(),
      back: () => (stepper() ?? player).back(),
      start: () => (stepper() ?? player).toStart(),
      end: () => (stepper() ?? player).toEnd(),
    },
    exporters: {
      'trace-json': () => JSON.stringify(player.trace),
      'player-html': () => JSON.stringify(player.trace),
      'steps-md': () => stepsMarkdown(needModel().model),
      'timeline-svg': () => timelineSvg(needModel().model, needModel().timeline),
      'stage-png': () => needPng(png.stage, 'stage'),
      'timeline-png': () => needPng(png.timeline, 'timeline'),
    },
  });
}

// Connects the desktop workflow (renderer/src/desktop, issue 6) to the player and the runner:
// files in and out of the editor, clicker keys, saved settings, and File > Export producers.
import { DesktopController } from '../desktop/desktop.svelte';
import { stepsMarkdown, timelineSvg } from '../player/exports';
import type { Player } from '../player/player.svelte';
import type { Runner } from './runner.svelte';

export interface PngSources {
  stage: (() => Promise<Uint8Array>) | null;
  timeline: (() => Promise<Uint8Array>) | null;
}

export function createDesktop(player: Player, runner: Runner, png: PngSources): DesktopController {
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
      runner.source = text;
      runner.fileName = name;
      void runner.run();
    },
    player: {
      forward: () => player.forward(),
      back: () => player.back(),
      start: () => player.toStart(),
      end: () => player.toEnd(),
    },
    exporters: {
      'trace-json': () => JSON.stringify(player.trace),
      'steps-md': () => stepsMarkdown(needModel().model),
      'timeline-svg': () => timelineSvg(needModel().model, needModel().timeline),
      'stage-png': () => needPng(png.stage, 'stage'),
      'timeline-png': () => needPng(png.timeline, 'timeline'),
    },
  });
}

// The app's side of an animated export: the player it steps, the stage it grabs, the motion
// it holds still, and the colours of the current theme for the burned-in band.
import { tick } from 'svelte';
import { THEMES } from '../player/colours';
import type { Player } from '../player/player.svelte';
import { formatTime } from '../player/snapshot';
import type { PngSources } from '../app/desktopWiring';
import type { MotionSetting } from '../run/motion.svelte';
import type { CaptureSource } from './capture';

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

function cssVariable(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function captureSource(player: Player, png: PngSources, motion: MotionSetting): CaptureSource {
  return {
    get step() {
      return player.step;
    },
    seek: (step) => player.seek(step),
    shownSteps: (from, to) => {
      const out: number[] = [];
      for (let p = player.view.position(from); p < player.view.count; p++) {
        const s = player.view.at(p);
        if (s > to) break;
        if (s >= from) out.push(s);
      }
      return out;
    },
    stagePng: () => (png.stage ? png.stage() : Promise.reject(new Error('The stage is not ready.'))),
    text: () => ({
      clock: `t = ${formatTime(player.snapshot?.time ?? 0)} s`,
      narration: player.narration,
    }),
    settle: async () => {
      await tick();
      await frame();
      await frame();
    },
    get ink() {
      return {
        bg: cssVariable('--ls-surface', THEMES.dark.surface),
        fg: cssVariable('--ls-fg', THEMES.dark.fg),
        muted: cssVariable('--ls-muted', THEMES.dark.muted),
      };
    },
    stills: () => {
      const was = motion.enabled;
      motion.enabled = false;
      return () => (motion.enabled = was);
    },
  };
}

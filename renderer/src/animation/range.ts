// What an animated export covers and how fast it plays: pure, so the choices a person makes in
// the dialog are checked (and tested) without a canvas.
import { BASE_STEP_MS } from '../player/player.svelte';

export type AnimationFormat = 'gif' | 'webm';

export interface AnimationChoice {
  format: AnimationFormat;
  from: number;
  to: number;
  /** Output width in pixels; the height follows the stage's shape. */
  width: number;
  /** Playback speed, as the player's (1x = one step per BASE_STEP_MS). */
  speed: number;
  /** Draw the clock and the narration into each frame. */
  burnIn: boolean;
}

/** More frames than this make files nobody can send; the dialog asks for a shorter range. */
export const MAX_FRAMES = 1500;
export const WIDTHS = [480, 640, 960, 1280, 1920] as const;
export const ANIMATION_SPEEDS = [0.5, 1, 2, 4] as const;

export interface NamedRange {
  label: string;
  from: number;
  to: number;
}

/** The ranges offered: the whole run, from the current step on, and bookmark to bookmark. */
export function rangeChoices(
  lastStep: number,
  current: number,
  bookmarks: { step: number; label: string }[],
): NamedRange[] {
  const ranges: NamedRange[] = [{ label: `The whole run (steps 0–${lastStep})`, from: 0, to: lastStep }];
  if (current > 0 && current < lastStep)
    ranges.push({ label: `From this step (${current}) to the end`, from: current, to: lastStep });
  const marks = [...bookmarks]
    .filter((b) => b.step >= 0 && b.step <= lastStep)
    .sort((a, b) => a.step - b.step);
  const stops = [{ step: 0, label: 'the start' }, ...marks];
  for (let i = 0; i + 1 < stops.length; i++) {
    if (stops[i + 1].step > stops[i].step)
      ranges.push({
        label: `${stops[i].label} → ${stops[i + 1].label}`,
        from: stops[i].step,
        to: stops[i + 1].step,
      });
  }
  return ranges;
}

/** Why the choice cannot be made into an animation, or null when it can. */
export function problemWith(c: AnimationChoice, lastStep: number): string | null {
  if (!Number.isInteger(c.from) || !Number.isInteger(c.to)) return 'Steps are whole numbers.';
  if (c.from < 0 || c.to > lastStep) return `Steps run from 0 to ${lastStep}.`;
  if (c.to < c.from) return 'The last step comes before the first.';
  if (frameCount(c) > MAX_FRAMES)
    return `That is ${frameCount(c)} steps; an animation holds at most ${MAX_FRAMES}. Choose a shorter range.`;
  if (!(WIDTHS as readonly number[]).includes(c.width)) return `Widths offered: ${WIDTHS.join(', ')} pixels.`;
  if (!(ANIMATION_SPEEDS as readonly number[]).includes(c.speed))
    return `Speeds offered: ${ANIMATION_SPEEDS.join(', ')}x.`;
  return null;
}

export function frameCount(c: Pick<AnimationChoice, 'from' | 'to'>): number {
  return c.to - c.from + 1;
}

/** How long each step shows, in milliseconds; GIF delays count in hundredths of a second. */
export function frameMs(speed: number): number {
  return Math.round(BASE_STEP_MS / speed / 10) * 10;
}

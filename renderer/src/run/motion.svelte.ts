// Whether moves animate: the user's setting, overruled by the system's prefers-reduced-motion.
// The tween length follows the play speed so a tween never outlasts its step; it never changes
// the virtual time shown.
import { BASE_STEP_MS } from '../player/player.svelte';

/** Longest tween, at slow speeds. */
export const MAX_TWEEN_MS = 450;

export function tweenMs(enabled: boolean, speed: number): number {
  return enabled ? Math.min(MAX_TWEEN_MS, (0.6 * BASE_STEP_MS) / speed) : 0;
}

export class MotionSetting {
  enabled = $state(true);
  reduced = $state(false);

  attach(): () => void {
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    this.reduced = mq.matches;
    const on = () => (this.reduced = mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }

  get active(): boolean {
    return this.enabled && !this.reduced;
  }
}

// Every player action by name, shared by the keyboard, the controls and the app menu.
import type { MenuCommand } from '../bridge';
import type { KeyAction } from '../player/keys';
import type { Player } from '../player/player.svelte';
import type { MotionSetting } from './motion.svelte';
import type { Runner } from './runner.svelte';

export type Actions = Record<KeyAction, () => void>;

export function makeActions(player: Player, motion: MotionSetting, runner: Runner): Actions {
  return {
    forward: () => player.forward(),
    back: () => player.back(),
    toggle: () => player.toggle(),
    start: () => player.toStart(),
    end: () => player.toEnd(),
    nextIteration: () => player.nextIteration(),
    prevIteration: () => player.prevIteration(),
    nextClockJump: () => player.nextClockJump(),
    nextOfSelected: () => player.nextOfSelected(),
    faster: () => player.faster(),
    slower: () => player.slower(),
    internals: () => (player.showInternals = !player.showInternals),
    motion: () => (motion.enabled = !motion.enabled),
    run: () => void runner.run(),
  };
}

export function menuActions(act: Actions): Partial<Record<MenuCommand, () => void>> {
  return {
    'player:play': act.toggle,
    'player:stepForward': act.forward,
    'player:stepBack': act.back,
    'player:start': act.start,
    'player:end': act.end,
    'view:internals': act.internals,
  };
}

/** Keys typed into the editor or a text field are not player commands. */
export function keyTarget(target: EventTarget | null, action: KeyAction | null): boolean {
  const el = target as HTMLElement | null;
  if (!action || action === 'run') return false;
  if (el?.closest?.('.cm-editor, select, textarea, input:not([type=range]):not([type=checkbox])'))
    return false;
  // The scrub slider moves by one step on its own arrows; the same action must not run twice.
  if (el?.matches?.('input[type=range]') && (action === 'forward' || action === 'back')) return false;
  return true;
}

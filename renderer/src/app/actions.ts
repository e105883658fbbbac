// Every player action by name, shared by the keyboard, the controls and the app menu (app/menu.ts).
import { keyAction, typingTarget } from './keymap';
import type { DesktopController } from '../desktop/desktop.svelte';
import type { KeyAction } from '../player/keys';
import type { Player } from '../player/player.svelte';
import type { MotionSetting } from '../run/motion.svelte';
import type { Runner } from '../run/runner.svelte';

export type Actions = Record<KeyAction, () => void> & {
  setSpeed(speed: number): void;
  setInternals(on: boolean): void;
  setMotion(on: boolean): void;
  setCpythonNames(on: boolean): void;
};

/**
 * View changes apply at once and are saved as settings, but only once main has answered with
 * settings (a bridge without the desktop half, like the stage specs' fake, has none to save).
 */
export function makeActions(
  player: Player,
  motion: MotionSetting,
  /** Absent in a shared player, which has no engine to run with. */
  runner?: Pick<Runner, 'run'>,
  desktop?: DesktopController,
  /** The step of the next (+1) or previous (-1) lesson bookmark, or null when there is none. */
  bookmarkFrom: (step: number, direction: 1 | -1) => number | null = () => null,
  /** Opens or closes the inspector panel. */
  toggleInspector: () => void = () => {},
): Actions {
  const toBookmark = (direction: 1 | -1) => {
    const step = bookmarkFrom(player.step, direction);
    if (step !== null) player.seek(step);
  };
  const setSpeed = (speed: number) => {
    player.speed = speed;
    if (desktop?.settings) void desktop.setSetting({ speed });
  };
  const setInternals = (on: boolean) => {
    player.showInternals = on;
    player.seek(player.step); // a step only the internals ran is not stepped on with them hidden
    if (desktop?.settings) void desktop.setSetting({ internals: on });
  };
  const setCpythonNames = (on: boolean) => {
    player.cpythonNames = on;
    if (desktop?.settings) void desktop.setSetting({ cpythonNames: on });
  };
  const setMotion = (on: boolean) => {
    motion.enabled = on;
    if (desktop?.settings) void desktop.setSetting({ motion: on ? 'system' : 'reduced' });
  };
  return {
    setSpeed,
    setInternals,
    setMotion,
    setCpythonNames,
    forward: () => player.forward(),
    back: () => player.back(),
    toggle: () => player.toggle(),
    start: () => player.toStart(),
    end: () => player.toEnd(),
    nextIteration: () => player.nextIteration(),
    prevIteration: () => player.prevIteration(),
    nextClockJump: () => player.nextClockJump(),
    nextOfSelected: () => player.nextOfSelected(),
    faster: () => {
      player.faster();
      setSpeed(player.speed);
    },
    slower: () => {
      player.slower();
      setSpeed(player.speed);
    },
    internals: () => setInternals(!player.showInternals),
    motion: () => setMotion(!motion.enabled),
    nextBookmark: () => toBookmark(1),
    prevBookmark: () => toBookmark(-1),
    inspector: toggleInspector,
    run: () => void runner?.run(),
  };
}

/** Keys typed into the editor or a text field are not player commands. */
export function keyTarget(target: EventTarget | null, action: KeyAction | null): boolean {
  const el = target as HTMLElement | null;
  if (!action || action === 'run') return false;
  if (typingTarget(target)) return false;
  // The scrub slider moves by one step on its own arrows; the same action must not run twice.
  if (el?.matches?.('input[type=range]') && (action === 'forward' || action === 'back')) return false;
  return true;
}

/** A key that is a player action runs it (and is taken from the page); says whether it was. */
export function playerKey(e: KeyboardEvent, act: Actions): boolean {
  const action = keyAction(e);
  if (!action || !keyTarget(e.target, action)) return false;
  e.preventDefault();
  act[action]();
  return true;
}

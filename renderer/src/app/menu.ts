// The app menu's commands (main/menu.ts sends them on app:menu) and what each does, in one
// table. It is a full Record: a command added to MenuCommand and handled by nobody does not
// compile. The app listens to the menu once (app/root.svelte.ts), through this table.
import type { MenuCommand } from '../bridge';
import type { DesktopController } from '../desktop/desktop.svelte';
import type { Player } from '../player/player.svelte';
import type { Actions } from './actions';

export type MenuHandlers = Record<MenuCommand, () => void>;

/** What the menu reaches that is not a player action or a desktop controller's method. */
export interface MenuTargets {
  act: Actions;
  player: Player;
  desktop: DesktopController;
  openSettings(): void;
  openAnimationExport(): void;
  openLessons(): void;
  compareFiles(): void;
  lessonFromProgram(): void;
  about(): void;
}

type DesktopCommand = 'file:new' | 'file:open' | 'file:save' | 'file:saveAs' | 'view:presentation';

/** The commands the desktop controller carries out (files and presentation). */
export function desktopMenu(desktop: DesktopController): Pick<MenuHandlers, DesktopCommand> {
  return {
    'file:new': () => void desktop.newFile(),
    'file:open': () => void desktop.open(),
    'file:save': () => void desktop.save(),
    'file:saveAs': () => void desktop.saveAs(),
    'view:presentation': () => void desktop.presentation.enter(),
  };
}

export function menuHandlers(t: MenuTargets): MenuHandlers {
  const { act, player } = t;
  return {
    ...desktopMenu(t.desktop),
    'file:exportAnimation': t.openAnimationExport,
    'file:lessonFromProgram': t.lessonFromProgram,
    'view:internals': act.internals,
    'view:cpythonNames': () => act.setCpythonNames(!player.cpythonNames),
    'view:settings': t.openSettings,
    'view:compare': t.compareFiles,
    'view:lessons': t.openLessons,
    'player:play': act.toggle,
    'player:stepForward': act.forward,
    'player:stepBack': act.back,
    'player:start': act.start,
    'player:end': act.end,
    'help:about': t.about,
  };
}

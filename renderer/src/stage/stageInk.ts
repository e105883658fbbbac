// The stage's own ink per theme (html[data-theme], renderer/src/desktop/theme.ts): the lanes,
// the loop and the text drawn on them, as Pixi numbers. Tokens keep their own colours.
import { hexNumber, THEMES, type ThemeInk } from '../player/colours';

export type StageTheme = 'dark' | 'light' | 'high-contrast';
export interface Ink {
  bg: number;
  lanes: [number, number];
  loop: number;
  text: number;
  muted: number;
}
const inkOf = (t: ThemeInk): Ink => ({
  bg: hexNumber(t.bg),
  lanes: [hexNumber(t.lanes[0]), hexNumber(t.lanes[1])],
  loop: hexNumber(t.loop),
  text: hexNumber(t.fg),
  muted: hexNumber(t.muted),
});
export const INKS: Record<StageTheme, Ink> = {
  dark: inkOf(THEMES.dark),
  light: inkOf(THEMES.light),
  'high-contrast': inkOf(THEMES['high-contrast']),
};

// Themes as CSS custom properties on :root plus a data-theme attribute.
//
// Usage:
//   import { applyTheme } from './desktop/theme';
//   applyTheme('dark');            // or 'light' | 'high-contrast'
// Components read the variables (var(--ls-bg), var(--ls-fg), …) or style by attribute
// (:root[data-theme='high-contrast'] .x { … }). The DesktopController calls applyTheme for you
// from the saved setting (and uses high contrast while presenting).
// Variables are set through the CSSOM (style.setProperty), which the page's CSP allows.
import type { Theme } from '../bridge';
import { THEMES, type ThemeName } from '../player/colours';

// The app's themes and the palette's are the same three.
const SAME: [Theme, ThemeName] extends [ThemeName, Theme] ? true : never = true;
void SAME;

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  const palette = THEMES[theme] ?? THEMES.dark;
  root.dataset['theme'] = theme;
  for (const [name, value] of Object.entries(palette)) {
    if (name === 'colorScheme' || name === 'lanes' || name === 'loop') continue;
    root.style.setProperty(`--ls-${name}`, value);
  }
  root.style.colorScheme = palette.colorScheme;
  root.style.background = palette.bg;
  root.style.color = palette.fg;
}

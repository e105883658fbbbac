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

export interface Palette {
  /** Page background. */
  bg: string;
  /** Panels, header and status bar. */
  surface: string;
  /** Body text. */
  fg: string;
  /** Secondary text: labels, hints. */
  muted: string;
  border: string;
  /** Focus rings, links, the current step. */
  accent: string;
  /** Errors and the exception lane. */
  danger: string;
  /** Notice bars. */
  notice: string;
  colorScheme: 'light' | 'dark';
}

export const PALETTES: Record<Theme, Palette> = {
  dark: {
    bg: '#14161c',
    surface: '#181b22',
    fg: '#e8eaf0',
    muted: '#b8bfcc',
    border: '#2c3140',
    accent: '#56b4e9',
    danger: '#ff8a7a',
    notice: '#243447',
    colorScheme: 'dark',
  },
  light: {
    bg: '#f7f7f9',
    surface: '#ffffff',
    fg: '#1b1d23',
    muted: '#4a5160',
    border: '#cfd4de',
    accent: '#0072b2',
    danger: '#b3261e',
    notice: '#e3effa',
    colorScheme: 'light',
  },
  // Pure black and white with saturated accents: readable on a washed-out projector.
  'high-contrast': {
    bg: '#000000',
    surface: '#000000',
    fg: '#ffffff',
    muted: '#ffffff',
    border: '#ffffff',
    accent: '#ffd400',
    danger: '#ff6b6b',
    notice: '#1a1a00',
    colorScheme: 'dark',
  },
};

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  const palette = PALETTES[theme] ?? PALETTES.dark;
  root.dataset['theme'] = theme;
  for (const [name, value] of Object.entries(palette)) {
    if (name === 'colorScheme') continue;
    root.style.setProperty(`--ls-${name}`, value);
  }
  root.style.colorScheme = palette.colorScheme;
  root.style.background = palette.bg;
  root.style.color = palette.fg;
}

// Every colour of the app in one place: the tasks' colours, each theme's ink (the shell's CSS
// variables, desktop/theme.ts; the stage's canvas, stage/renderer.ts), and the timeline's ink
// for exports and for a canvas drawn before the stylesheet has set its variables. Canvases cannot
// use var(): they take numbers from here (`hexNumber`).

// Task colours: the Okabe-Ito palette (colour-blind safe), black swapped for a light grey so it
// reads on the dark stage. A task keeps its colour for the whole run: it is picked by the
// task's order of creation, never by its lane.
export const PALETTE = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xbbbbbb,
] as const;

/** Colour for the n-th task (0-based creation order among tasks). */
export function taskColour(n: number): number {
  return PALETTE[((n % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Plain callbacks are neutral so tasks stay the focus. */
export const CALLBACK_COLOUR = 0x9aa3b2;

export function cssColour(c: number): string {
  return '#' + c.toString(16).padStart(6, '0');
}

/** '#rrggbb' as the number a canvas takes. */
export function hexNumber(css: string): number {
  return parseInt(css.slice(1), 16);
}

/** The themes (preload's Theme; desktop/theme.ts checks the two agree). */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

export interface ThemeInk {
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
  /** The stage's lanes, alternating, and its loop lane. */
  lanes: [string, string];
  loop: string;
}

export const THEMES: Record<ThemeName, ThemeInk> = {
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
    lanes: ['#1b1e26', '#20242e'],
    loop: '#262b38',
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
    lanes: ['#eef0f4', '#e4e7ee'],
    loop: '#dde3ee',
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
    lanes: ['#000000', '#0d0d0d'],
    loop: '#1a1a00',
  },
};

/** The timeline's ink (global.css --ls-timeline-*): the dark look, for exports and a bare page. */
export const TIMELINE_DARK = {
  bg: '#101217',
  label: '#c9ced8',
  muted: '#8b93a7',
  cursor: '#ffffff',
} as const;

/** On the stage: a token's text on its colour (a cancelled token is dark), the focus and selection rings, wires. */
export const STAGE_MARKS = {
  textOnColour: 0x111111,
  textOnDark: 0xe8eaf0,
  focus: 0xffffff,
  selected: 0xf0e442,
  wire: 0x56b4e9,
} as const;

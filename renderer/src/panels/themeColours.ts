// The theme's colours for canvases, which cannot use var(): read from the CSS variables that
// global.css sets per html[data-theme] (desktop/theme.ts), at draw time.
import { TIMELINE_DARK } from '../player/colours';

export interface TimelineInk {
  bg: string;
  label: string;
  muted: string;
  cursor: string;
  /** Outline around task spans; '' for none. */
  edge: string;
}

/** The dark look, for when the stylesheet has not set the variables. */
const DARK: TimelineInk = { ...TIMELINE_DARK, edge: '' };

export function readTimelineInk(root: HTMLElement = document.documentElement): TimelineInk {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const edge = read('--ls-timeline-edge', '');
  return {
    bg: read('--ls-timeline-bg', DARK.bg),
    label: read('--ls-timeline-label', DARK.label),
    muted: read('--ls-timeline-muted', DARK.muted),
    cursor: read('--ls-timeline-cursor', DARK.cursor),
    edge: edge === 'transparent' ? '' : edge,
  };
}

/** Calls `onChange` whenever <html>'s theme (data-theme or the --ls-* variables) changes; returns a stop function. */
export function watchTheme(onChange: () => void, root: HTMLElement = document.documentElement): () => void {
  const mo = new MutationObserver(onChange);
  mo.observe(root, { attributes: true, attributeFilter: ['data-theme', 'style'] });
  return () => mo.disconnect();
}

/** Whether the current theme is dark (light text on a dark ground). */
export function isDarkTheme(root: HTMLElement = document.documentElement): boolean {
  return root.dataset['theme'] !== 'light';
}

/** Whether presentation mode is on (the desktop controller sets data-presenting on <html>). */
export function isPresenting(root: HTMLElement = document.documentElement): boolean {
  return root.dataset['presenting'] !== undefined;
}

/** Calls `onChange(presenting)` whenever presentation mode turns on or off; returns a stop function. */
export function watchPresenting(
  onChange: (presenting: boolean) => void,
  root: HTMLElement = document.documentElement,
): () => void {
  const mo = new MutationObserver(() => onChange(isPresenting(root)));
  mo.observe(root, { attributes: true, attributeFilter: ['data-presenting'] });
  return () => mo.disconnect();
}

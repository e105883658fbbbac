// Fits a fixed-height text box to its text: the font shrinks step by step (down to MIN_SHARE of
// its size) until nothing is clipped, and only a text that still does not fit grows the box.
// The narration uses it: two lines tall, so a longer sentence never resizes the stage below.
import type { Attachment } from 'svelte/attachments';

/** The smallest font a fitted text takes, as a share of its styled size. */
export const MIN_SHARE = 0.72;
const STEP = 0.94;

/** Shrinks `el`'s font until its content fits its height; grows it only past MIN_SHARE. */
export function fitNow(el: HTMLElement): void {
  el.style.fontSize = '';
  el.style.height = '';
  const styled = parseFloat(getComputedStyle(el).fontSize);
  let size = styled;
  while (el.scrollHeight > el.clientHeight && size > styled * MIN_SHARE) {
    size = Math.max(styled * MIN_SHARE, size * STEP);
    el.style.fontSize = `${size}px`;
  }
  if (el.scrollHeight > el.clientHeight) el.style.height = 'auto';
}

/** `{@attach fitText(text)}`: refits when the text changes and when the box is resized. */
export function fitText(text: string): Attachment<HTMLElement> {
  return (el) => {
    void text; // the attachment re-runs for each new text
    fitNow(el);
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      // Only a new width (window, presentation mode) changes the fit; our own height change does not.
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fitNow(el);
    });
    ro.observe(el);
    return () => ro.disconnect();
  };
}

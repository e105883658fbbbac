// The stage's text labels (lane titles, group headers, the loop's note, the world strip): a pool
// of BitmapTexts, each fitted to its room by measuring it, not by counting characters. A label
// that must be cut is elided sensibly (a group's count and a thread's number survive), and its
// rectangle and full text are kept for the stage's tooltip; the DOM mirror always has the full text.
import { BitmapText, type Container } from 'pixi.js';
import { elide, type Elide } from './text';

export const FONT = 'DejaVu Sans, Verdana, system-ui, sans-serif';
/** Glyphs are rasterised at 2x the size they are drawn, for crisp text on HiDPI screens. */
export const GLYPH_SCALE = 2;

export function bitmapText(size: number, bold = false): BitmapText {
  const t = new BitmapText({
    text: '',
    style: {
      fontFamily: FONT,
      fontSize: size * GLYPH_SCALE,
      fill: 0xffffff,
      fontWeight: bold ? 'bold' : 'normal',
    },
  });
  t.scale.set(1 / GLYPH_SCALE);
  return t;
}

export interface LabelSpec {
  text: string;
  x: number;
  y: number;
  /** The width it may take; with `h`, it wraps to that width and is cut to `h`. */
  w: number;
  h?: number;
  /** Drawn size in CSS pixels. */
  size: number;
  tint: number;
  bold?: boolean;
  /** How a one-line label is cut: at its end, in its middle, or at the end of all but `keep`. */
  elide?: Elide;
}

export interface DrawnLabel {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Font size in CSS px. */
  size: number;
}

/** A label drawn shorter than its text: where it is and what it says in full. */
export interface ElidedLabel {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export class LabelPool {
  #texts: BitmapText[] = [];
  #n = 0;
  elided: ElidedLabel[] = [];

  constructor(private readonly layer: Container) {}

  begin(): void {
    this.#n = 0;
    this.elided = [];
  }

  add(spec: LabelSpec): void {
    const t = (this.#texts[this.#n] ??= this.layer.addChild(bitmapText(spec.size, spec.bold)));
    this.#n++;
    const fontSize = spec.size * GLYPH_SCALE;
    if (t.style.fontSize !== fontSize) t.style.fontSize = fontSize;
    const weight = spec.bold ? 'bold' : 'normal';
    if (t.style.fontWeight !== weight) t.style.fontWeight = weight;
    const wrap = spec.h !== undefined;
    t.style.wordWrap = wrap;
    t.style.breakWords = wrap;
    t.style.wordWrapWidth = Math.max(1, spec.w) * GLYPH_SCALE;
    t.tint = spec.tint;
    t.position.set(spec.x, spec.y);
    t.visible = true;
    const fits = (s: string): boolean => {
      t.text = s;
      return wrap ? t.height <= spec.h! && t.width <= spec.w + 1 : t.width <= spec.w;
    };
    if (fits(spec.text)) return;
    // The longest cut that fits: binary search on how many characters survive.
    let lo = 0;
    let hi = spec.text.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(elide(spec.text, mid, spec.elide))) lo = mid;
      else hi = mid - 1;
    }
    t.text = elide(spec.text, lo, spec.elide);
    this.elided.push({ text: spec.text, x: spec.x, y: spec.y, w: spec.w, h: t.height });
  }

  end(): void {
    for (let i = this.#n; i < this.#texts.length; i++) this.#texts[i].visible = false;
  }

  /** The elided label under a point (CSS pixels in the canvas), for the tooltip. */
  elidedAt(x: number, y: number): ElidedLabel | null {
    return this.elided.find((l) => x >= l.x && x <= l.x + l.w && y >= l.y && y <= l.y + l.h) ?? null;
  }

  /** The labels on screen now (CSS px), for the tests' "readable" and "inside its lane" checks. */
  drawn(): DrawnLabel[] {
    return this.#texts
      .slice(0, this.#n)
      .filter((t) => t.visible && t.text !== '')
      .map((t) => ({
        text: t.text,
        x: t.x,
        y: t.y,
        w: t.width,
        h: t.height,
        size: Number(t.style.fontSize) * t.scale.y,
      }));
  }
}

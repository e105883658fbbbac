// One frame of an animation: the stage at a step scaled to the chosen width, and, when burned
// in, a band above it with the virtual clock and the step's narration (two lines at most).

export interface FrameText {
  clock: string;
  narration: string;
}

const BAND_LINES = 2;

/** Even sizes: video encoders (VP8/VP9 with 4:2:0 colour) need them. */
const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);

export function frameSize(
  stage: { width: number; height: number },
  width: number,
  burnIn: boolean,
): { width: number; height: number; band: number } {
  const w = even(width);
  const band = burnIn ? even(w * 0.085) : 0;
  return { width: w, height: even((stage.height * w) / stage.width) + band, band };
}

/** Breaks `text` into at most `max` lines that fit `width`; the last one ends in "…" if cut. */
export function wrap(
  text: string,
  width: number,
  measure: (s: string) => number,
  max = BAND_LINES,
): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (measure(next) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === max) {
      let last = lines[max - 1];
      while (last.length > 1 && measure(`${last}…`) > width) last = last.slice(0, -1);
      lines[max - 1] = `${last.trimEnd()}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws the frame into `ctx` (sized by frameSize). */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  stage: CanvasImageSource & { width: number; height: number },
  size: { width: number; height: number; band: number },
  text: FrameText | null,
  ink: { bg: string; fg: string; muted: string },
): void {
  ctx.fillStyle = ink.bg;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(stage, 0, size.band, size.width, size.height - size.band);
  if (!text || size.band === 0) return;
  const pad = Math.round(size.band * 0.18);
  const clockPx = Math.round(size.band * 0.42);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = ink.fg;
  ctx.font = `600 ${clockPx}px "DejaVu Sans Mono", monospace`;
  ctx.fillText(text.clock, pad, size.band / 2);
  const left = pad * 2 + ctx.measureText(text.clock).width;
  const linePx = Math.round(size.band * 0.3);
  ctx.font = `${linePx}px "DejaVu Sans", sans-serif`;
  ctx.fillStyle = ink.muted;
  const lines = wrap(text.narration, size.width - left - pad, (s) => ctx.measureText(s).width);
  const top = size.band / 2 - ((lines.length - 1) * linePx * 1.2) / 2;
  lines.forEach((l, i) => ctx.fillText(l, left, top + i * linePx * 1.2));
}

// The console's lines at a step, from the output chunks printed so far. Pure.
export interface ConsoleLine {
  text: string;
  stream: 'stdout' | 'stderr';
  /** Step that printed it. */
  step: number;
  /** The output cap's gap: this many lines were printed here and not kept. */
  dropped?: number;
}

/** The app's name for the output cap (the terminal names its --max-output). */
export const OUTPUT_CAP_SETTING = 'Settings › “Output kept”';

export function droppedText(lines: number): string {
  return `… ${lines.toLocaleString('en')} line${lines === 1 ? '' : 's'} not kept: past the output cap only the first and last lines are kept (${OUTPUT_CAP_SETTING} keeps more) …`;
}

/** Only the newest lines are rendered (a seek on a chatty run then stays cheap); the rest are counted. */
export const CONSOLE_MAX_LINES = 100;

export function consoleLines(
  chunks: { stream: 'stdout' | 'stderr'; text: string; step: number; dropped?: number }[],
): {
  lines: ConsoleLine[];
  hidden: number;
  /** The output cap's gap when it is among the hidden lines: it is shown all the same. */
  gap?: ConsoleLine;
} {
  const lines: ConsoleLine[] = [];
  let open: ConsoleLine | null = null;
  for (const c of chunks) {
    if (c.dropped !== undefined) {
      lines.push({ text: droppedText(c.dropped), stream: c.stream, step: c.step, dropped: c.dropped });
      open = null;
      continue;
    }
    const parts = c.text.split('\n');
    parts.forEach((p, i) => {
      if (open && i === 0 && open.stream === c.stream) {
        open.text += p;
        open.step = c.step;
      } else if (p !== '' || i < parts.length - 1) {
        lines.push((open = { text: p, stream: c.stream, step: c.step }));
      }
      if (i < parts.length - 1) open = null;
    });
  }
  const hidden = Math.max(0, lines.length - CONSOLE_MAX_LINES);
  if (!hidden) return { lines, hidden };
  const gap = lines.slice(0, hidden).find((l) => l.dropped !== undefined);
  return { lines: lines.slice(hidden), hidden, ...(gap ? { gap } : {}) };
}

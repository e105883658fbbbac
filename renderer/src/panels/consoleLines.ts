// The console's lines at a step, from the output chunks printed so far. Pure.
import {
  chunkAt,
  chunksUpTo,
  foldChunk,
  type FoldedLine,
  type OutputChunk,
  type OutputIndex,
} from '../../../common/outputIndex';
import type { Trace } from '../../../common/trace';

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

export interface ConsoleView {
  lines: ConsoleLine[];
  hidden: number;
  /** The output cap's gap when it is among the hidden lines: it is shown all the same. */
  gap?: ConsoleLine;
}

const shown = (l: FoldedLine): ConsoleLine =>
  l.dropped === undefined ? l : { ...l, text: droppedText(l.dropped) };

export function consoleLines(chunks: Omit<OutputChunk, 'offset'>[]): ConsoleView {
  const lines: FoldedLine[] = [];
  let open: FoldedLine | null = null;
  for (const c of chunks) open = foldChunk(c, open, (l) => lines.push(l));
  const hidden = Math.max(0, lines.length - CONSOLE_MAX_LINES);
  if (!hidden) return { lines: lines.map(shown), hidden };
  const gap = lines.slice(0, hidden).find((l) => l.dropped !== undefined);
  return { lines: lines.slice(hidden).map(shown), hidden, ...(gap ? { gap: shown(gap) } : {}) };
}

/**
 * consoleLines of the output up to `step`, folding only the chunks of the lines it shows (the
 * index counts the lines each chunk begins): stepping through a run that printed a hundred
 * thousand lines costs the last hundred, not all of them.
 */
export function consoleAt(
  index: { trace: Pick<Trace, 'events'>; output: OutputIndex },
  step: number,
): ConsoleView {
  const { output, trace } = index;
  const n = chunksUpTo(output, step);
  const total = n > 0 ? output.lines[n - 1] : 0;
  const hidden = Math.max(0, total - CONSOLE_MAX_LINES);
  // The chunk that begins the first line shown, and what the chunks before it left open.
  let from = 0;
  for (let hi = n; from < hi;) {
    const mid = (from + hi) >>> 1;
    if (output.lines[mid] > hidden) hi = mid;
    else from = mid + 1;
  }
  const begun = from > 0 ? output.lines[from - 1] : 0;
  const stream = from > 0 ? output.open[from - 1] : 0;
  let open: FoldedLine | null = stream
    ? { text: '', stream: stream === 1 ? 'stdout' : 'stderr', step: 0 }
    : null;
  const lines: FoldedLine[] = [];
  for (let i = from; i < n; i++) open = foldChunk(chunkAt(trace, output, i), open, (l) => lines.push(l));
  const view: ConsoleView = { lines: lines.slice(hidden - begun).map(shown), hidden };
  if (!hidden) return view;
  // The cap's gap is shown all the same when its line is hidden (a later gap's line comes later).
  const g = output.gaps[0];
  if (g === undefined || g >= n || output.lines[g] - 1 >= hidden) return view;
  const c = chunkAt(trace, output, g);
  return { ...view, gap: shown({ text: '', stream: c.stream, step: c.step, dropped: c.dropped }) };
}

// Which source lines the code panel marks at a step: each live task's current line in its
// colour, and the lines the running task just executed. Pure, from the snapshot.
import { cssColour } from '../player/colours';
import { allTokens, type StageSnapshot } from '../player/snapshot';

export interface LineMark {
  line: number;
  actor: number;
  label: string;
  colour: string;
  running: boolean;
}

export interface CodeMarks {
  tasks: LineMark[];
  linesRun: number[];
  /** Where the run failed (syntax error, runaway loop), shown at every step. */
  errorLine?: number;
}

export const NO_MARKS: CodeMarks = { tasks: [], linesRun: [] };

/** At most this many task chips per line; the rest are counted. */
export const CHIPS_PER_LINE = 4;

export function codeMarks(s: StageSnapshot | null, errorLine?: number): CodeMarks {
  if (!s) return errorLine ? { ...NO_MARKS, errorLine } : NO_MARKS;
  const tasks: LineMark[] = [];
  for (const t of allTokens(s)) {
    if (t.kind !== 'task' || t.state === 'done' || t.line === undefined) continue;
    tasks.push({
      line: t.line,
      actor: t.id,
      label: t.label,
      colour: cssColour(t.colour),
      running: t.state === 'running',
    });
  }
  tasks.sort((a, b) => a.line - b.line || Number(b.running) - Number(a.running) || a.actor - b.actor);
  return { tasks, linesRun: s.linesRun, errorLine };
}

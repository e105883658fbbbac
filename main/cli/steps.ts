// `sim --steps`: one line per loop step, time, who ran, what happened, then the lanes as
// common/lanes.ts folds them. Names, not ids, so a line reads without the actor table: the
// app's names (common/taskNames.ts), or CPython's (`Task-1`) with --cpython-names.

import { walkLanes, type Lanes } from '../../common/lanes';
import { nameOf, renameTasksIn, taskNames, type TaskNaming } from '../../common/taskNames';
import { outcomeWords } from '../../common/outcomes';
import type { RunEnd, Trace, TraceEvent } from '../../common/trace';

/** Past this many entries a lane prints as a count: a 10,000-task line helps nobody. */
const LANE_LIST_MAX = 12;

function fmtTime(t: number): string {
  return t.toFixed(6).replace(/0+$/, '').replace(/\.$/, '.0');
}

function lineSpan(lines: number[]): string {
  if (lines.length === 0) return '';
  return lines.length === 1 ? ` line ${lines[0]}` : ` lines ${lines.join(',')}`;
}

export function formatSteps(trace: Trace, naming: TaskNaming = 'friendly'): string[] {
  const names = taskNames(trace);
  const name = (id: number | null | undefined): string => (id == null ? '-' : nameOf(names, id, naming));
  const endWords = renameTasksIn(trace.end.message || trace.end.kind, trace, names, naming);
  const list = (ids: number[]): string =>
    ids.length > LANE_LIST_MAX ? `${ids.length} actors` : ids.map(name).join(' ');
  const out: string[] = [];
  let step = 0;
  for (const lanes of walkLanes(trace)) {
    const st = trace.steps[step];
    const end = step + 1 < trace.steps.length ? trace.steps[step + 1].firstEvent : trace.events.length;
    const events = trace.events.slice(st.firstEvent, end);
    out.push(
      `${step} t=${fmtTime(st.time)} ${describe(trace.end, endWords, st.kind, st.actor, st.lines, events, name)} | ${laneText(lanes, name, list)}`,
    );
    step++;
  }
  return out;
}

function describe(
  end: RunEnd,
  endWords: string,
  kind: string,
  actor: number | undefined,
  topLines: number[] | undefined,
  events: TraceEvent[],
  name: (id: number | undefined) => string,
): string {
  const parts: string[] = [];
  if (kind === 'run') parts.push(`run ${name(actor)}`);
  else if (kind === 'end') parts.push(`end ${endWords}`);
  else if (kind === 'clock') parts.push('clock');
  else parts.push(`${kind}${lineSpan(topLines ?? [])}`);
  for (const e of events) {
    switch (e.t) {
      case 'afterTaskStep':
        if (e.lines.length) parts.push(lineSpan(e.lines).trim());
        break;
      case 'taskWaiting':
        parts.push(
          `waits on ${e.reason.expr || e.reason.kind}${e.reason.deadline !== undefined ? ` until ${fmtTime(e.reason.deadline)}` : ''}`,
        );
        break;
      case 'taskExited':
        parts.push(`${name(e.actor)} ${outcomeWords(end, e.outcome)}`);
        break;
      case 'taskSpawned':
        parts.push(`spawns ${name(e.actor)}`);
        break;
      case 'clockAdvanced':
        parts.push(`clock ${fmtTime(e.from)} -> ${fmtTime(e.to)}`);
        break;
      case 'output':
        parts.push(`prints ${JSON.stringify(e.text.length > 40 ? `${e.text.slice(0, 37)}...` : e.text)}`);
        break;
      case 'handleCancelled':
        parts.push(`cancels ${name(e.actor)}`);
        break;
      case 'warning':
        parts.push(`warning ${e.kind}: ${e.message}`);
        break;
      default:
        break;
    }
  }
  return parts.join(', ');
}

function laneText(
  lanes: Lanes,
  name: (id: number | null) => string,
  list: (ids: number[]) => string,
): string {
  const waiting =
    lanes.waiting.length > LANE_LIST_MAX
      ? `${lanes.waiting.length} tasks`
      : lanes.waiting.map((w) => `${name(w.actor)}:${w.reason.expr || w.reason.kind}`).join(' ');
  return `ready [${list(lanes.ready)}] running ${name(lanes.running)} waiting [${waiting}] done [${list(lanes.done.map((d) => d.actor))}]`;
}

// The RUN_END stage's one argument: program.py's End as JSON, read here by its names (not by
// position) and checked, for engine/core/run-ends.ts to turn into the trace's RunEnd. Once per run,
// so JSON costs nothing next to the binary ops.
import { END_KINDS, type EndKind } from '../../common/trace';
import type { EndReport } from '../core/run-ends';

const KINDS = new Set<string>(END_KINDS);

function field<T extends 'string' | 'number'>(
  record: Record<string, unknown>,
  name: string,
  type: T,
): (T extends 'string' ? string : number) | undefined {
  const value = record[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new Error(`the run's end has a ${typeof value} ${name}`);
  return value as T extends 'string' ? string : number;
}

export function endReportOf(json: string): EndReport {
  const record = JSON.parse(json) as unknown;
  if (typeof record !== 'object' || record === null) throw new Error("the run's end is no record");
  const r = record as Record<string, unknown>;
  const kind = field(r, 'kind', 'string');
  if (kind === undefined || !KINDS.has(kind)) throw new Error(`unknown end ${String(kind)}`);
  return {
    kind: kind as EndKind,
    message: field(r, 'message', 'string') ?? '',
    status: field(r, 'status', 'number'),
    line: field(r, 'line', 'number'),
    column: field(r, 'column', 'number'),
    option: field(r, 'option', 'string'),
  };
}

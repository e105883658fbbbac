// The numbers Python and JavaScript exchange during a run are written in both languages: the op
// codes (engine/python/ops.py, op-decoder.ts's `Op`), the channel's commands (channel.py, channel.ts's
// `Command`) and the wait kinds and outcomes (ops.py, op-decoder.ts). A mismatch does not fail loudly:
// ops are decoded as other ops and the trace is quietly wrong. These tests read both sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string =>
  readFileSync(new URL(`../../engine/python/${path}`, import.meta.url), 'utf8');

/** `A, B, C = range(1, 4)` lines: each name with its number. */
function pythonRanges(source: string): Map<string, number> {
  const codes = new Map<string, number>();
  for (const m of source.matchAll(/^([A-Z_]+(?:, [A-Z_]+)*) = range\((\d+), (\d+)\)$/gm)) {
    const names = m[1].split(', ');
    const [from, to] = [Number(m[2]), Number(m[3])];
    expect(to - from, `${m[0]}: as many numbers as names`).toBe(names.length);
    names.forEach((name, i) => codes.set(name, from + i));
  }
  return codes;
}

/** A TypeScript `const enum NAME { A = 1, B, ... }`: each member with its number. */
function typescriptEnum(source: string, name: string): Map<string, number> {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(source)?.[1];
  if (body === undefined) throw new Error(`no enum ${name}`);
  const codes = new Map<string, number>();
  let next = 0;
  for (const line of body.split('\n')) {
    const m = /^\s*([A-Z_]+)(?: = (\d+))?,?\s*$/.exec(line);
    if (!m) continue;
    next = m[2] === undefined ? next : Number(m[2]);
    codes.set(m[1], next++);
  }
  return codes;
}

/** The quoted strings of the list or tuple assigned to `name`. */
function stringList(source: string, name: string): string[] {
  const m = new RegExp(`${name}[^=]*= *([[(])`).exec(source);
  if (!m) throw new Error(`no ${name}`);
  const start = m.index + m[0].length;
  const end = source.indexOf(m[1] === '[' ? ']' : ')', start);
  return [...source.slice(start, end).matchAll(/'([a-z]+)'/g)].map((q) => q[1]);
}

describe('the op tables of the two languages', () => {
  it('op codes: every op op-decoder.ts decodes has the number ops.py writes', () => {
    const python = pythonRanges(read('ops.py'));
    const script = new Map([
      ...typescriptEnum(read('op-decoder.ts'), 'Op'),
      ...typescriptEnum(read('capture-ops.ts'), 'CaptureOp'),
    ]);
    expect(script.size).toBeGreaterThan(10);
    expect(Object.fromEntries(script)).toEqual(Object.fromEntries(python));
  });

  it("ops that begin no step (the run's stages, the task state ops) come last, as op-decoder.ts assumes", () => {
    const python = pythonRanges(read('ops.py'));
    const top = python.get('TOP')!;
    const stages = ['TOP', 'RESUME', 'MAIN', 'SPLIT', 'MAIN_END', 'RUN_END'];
    stages.push(...typescriptEnum(read('capture-ops.ts'), 'CaptureOp').keys());
    for (const [name, code] of python) expect(code >= top, name).toBe(stages.includes(name));
  });

  it("the channel's commands", () => {
    const python = pythonRanges(read('channel.py'));
    const script = typescriptEnum(read('channel.ts'), 'Command');
    expect(script.size).toBe(5);
    expect(Object.fromEntries(script)).toEqual(Object.fromEntries(python));
  });

  it('wait kinds and outcomes, in order', () => {
    const ops = read('ops.py');
    const host = read('op-decoder.ts');
    expect(stringList(host, 'const WAIT_KINDS')).toEqual(stringList(ops, 'WAIT_KINDS'));
    expect(stringList(host, 'const OUTCOMES')).toEqual(['result', 'exception', 'cancelled']);
    expect(/OUTCOME_CODE = \{'result': 0, 'exception': 1, 'cancelled': 2\}/.test(ops)).toBe(true);
  });
});

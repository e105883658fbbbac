// A long output keeps its first and last halves of the cap, whole lines, in the steps that
// printed them, with one marker counting what was dropped (engine/core/output-cut.ts).
import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../engine/core/recorder';
import { Clock } from '../../engine/core/clock';
import { consoleLines } from '../../renderer/src/panels/consoleLines';
import { indexTrace } from '../../common/lanes';
import { outputUpTo } from '../../common/outputIndex';
import type { Trace } from '../../common/trace';

/** `lines` prints of "line i\n", as print() makes them (the text, then the newline). */
function record(cap: number, lines: number, perStep = lines) {
  const rec = new TraceRecorder(new Clock(), 1_000_000, false, cap);
  for (let i = 0; i < lines; i++) {
    if (i % perStep === 0) rec.beginRun(1);
    rec.output('stdout', `line ${i}`);
    rec.output('stdout', '\n');
  }
  rec.finish({ kind: 'ok', message: '' });
  return rec;
}

const texts = (rec: TraceRecorder) =>
  rec.events.map((e) =>
    e.t === 'output' ? e.text : e.t === 'outputDropped' ? `[${e.lines}/${e.chars}]` : e.t,
  );

describe('output past the cap', () => {
  it('keeps everything under the cap, as printed', () => {
    expect(texts(record(1000, 3))).toEqual(['beforeTaskStep', 'line 0\nline 1\nline 2\n']);
  });

  it('keeps the first and last lines of one step that prints 1,000 lines, and counts the rest', () => {
    const rec = record(200, 1000);
    const [, head, marker, tail] = rec.events;
    expect(head).toEqual({
      t: 'output',
      stream: 'stdout',
      text: 'line 0\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\n',
    });
    expect(tail).toEqual({
      t: 'output',
      stream: 'stdout',
      text: 'line 989\nline 990\nline 991\nline 992\nline 993\nline 994\nline 995\nline 996\nline 997\nline 998\nline 999\n',
    });
    expect(marker).toEqual({ t: 'outputDropped', lines: 1000 - 13 - 11, chars: expect.any(Number) });
    expect(rec.events).toHaveLength(4);
  });

  it('keeps the tail in the steps that printed it, and empties the steps whose lines all went', () => {
    // A cap of 60: 30 characters of head (lines 0-3) and of tail (lines 17-19), two lines a step.
    const rec = record(60, 20, 2);
    const outputs = texts(rec).filter((t) => t !== 'beforeTaskStep');
    expect(outputs).toEqual([
      'line 0\nline 1\n',
      'line 2\nline 3\n',
      '[13/98]',
      '[0/0]',
      '[0/0]',
      '[0/0]',
      '[0/0]',
      '[0/0]',
      '[0/0]',
      'line 17\n',
      'line 18\nline 19\n',
    ]);
  });

  it('shows the console the head, the count of lines not kept naming the setting, and the tail', () => {
    const rec = record(200, 1000);
    const trace = { actors: [], steps: rec.steps, events: rec.events } as unknown as Trace;
    const { lines } = consoleLines(outputUpTo(indexTrace(trace), 1));
    expect(lines.map((l) => l.text).slice(11, 15)).toEqual([
      'line 11',
      'line 12',
      '… 976 lines not kept: past the output cap only the first and last lines are kept (Settings › “Output kept” keeps more) …',
      'line 989',
    ]);
    expect(lines).toHaveLength(13 + 1 + 11);
  });
});

describe('the console past its newest 100 lines', () => {
  it('still shows the gap where the output cap dropped lines', () => {
    const rec = record(4000, 1000);
    const trace = { actors: [], steps: rec.steps, events: rec.events } as unknown as Trace;
    const out = consoleLines(outputUpTo(indexTrace(trace), 1));
    expect(out.lines.map((l) => l.text).at(-1)).toBe('line 999');
    expect(out.gap?.text).toMatch(/^… [\d,]+ lines not kept/);
    expect(out.lines.some((l) => l.dropped !== undefined)).toBe(false);
  });
});

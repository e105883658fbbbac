// What the code panel follows and folds (panels/codeFollow.ts), and how the stage cuts a label
// that does not fit (stage/text.ts elide, stage/stageLabels.ts keepCount).
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { followTarget, headerFoldRange } from '../../renderer/src/panels/codeFollow';
import type { CodeMarks, LineMark } from '../../renderer/src/panels/codeMarks';
import { elide } from '../../renderer/src/stage/text';
import { keepCount } from '../../renderer/src/stage/stageLabels';
import { layoutWorld } from '../../renderer/src/stage/worldLayout';
import type { WorldSnapshot } from '../../renderer/src/player/world';

const doc = Text.of(Array.from({ length: 50 }, (_, i) => `line ${i + 1}`));
const mark = (actor: number, line: number, running = false): LineMark => ({
  actor,
  line,
  label: `t${actor}`,
  colour: '#fff',
  running,
});
const marks = (...tasks: LineMark[]): CodeMarks => ({ tasks, linesRun: [] });

describe('the code panel follows', () => {
  it('the running line, whole', () => {
    expect(followTarget(doc, marks(mark(1, 10), mark(2, 40, true)), null)).toEqual({
      anchor: doc.line(40).from,
      head: doc.line(40).to,
    });
  });

  it("the selected task's line with the running one, the running line as the head that wins", () => {
    expect(followTarget(doc, marks(mark(1, 10), mark(2, 40, true)), 1)).toEqual({
      anchor: doc.line(10).from,
      head: doc.line(40).to,
    });
    expect(followTarget(doc, marks(mark(1, 45), mark(2, 5, true)), 1)).toEqual({
      anchor: doc.line(45).to,
      head: doc.line(5).from,
    });
  });

  it('the selected task alone when nothing runs (a clock jump), and nothing when neither is there', () => {
    expect(followTarget(doc, marks(mark(1, 12)), 1)).toEqual({
      anchor: doc.line(12).from,
      head: doc.line(12).to,
    });
    expect(followTarget(doc, marks(mark(1, 12)), null)).toBeNull();
    expect(followTarget(doc, marks(mark(1, 99, true)), null)).toBeNull();
  });

  it("a failed run's line when no task runs", () => {
    expect(followTarget(doc, { tasks: [], linesRun: [], errorLine: 30 }, null)?.head).toBe(doc.line(30).to);
  });
});

describe("a lesson's header", () => {
  it('folds from the end of its title line to its closing quotes', () => {
    const source = readFileSync(new URL('../../lessons/01-gather.py', import.meta.url), 'utf8');
    const d = Text.of(source.split('\n'));
    const range = headerFoldRange(d)!;
    expect(d.lineAt(range.from).number).toBe(1);
    expect(range.from).toBe(d.line(1).to);
    expect(d.lineAt(range.to).text).toBe('"""');
    expect(d.lineAt(range.to).number).toBe(16);
  });

  it('after comment lines; not a one-line docstring, not code, not an unclosed string', () => {
    const fold = (...lines: string[]) => headerFoldRange(Text.of(lines));
    const d = Text.of(['#!/usr/bin/env python3', "'''Title", '', 'Body.', "'''", 'x = 1']);
    expect(headerFoldRange(d)).toEqual({ from: d.line(2).to, to: d.line(5).to });
    expect(fold('"""One line."""', 'x = 1')).toBeNull();
    expect(fold('import asyncio', '"""Late', '"""')).toBeNull();
    expect(fold('"""Never closed', 'x = 1')).toBeNull();
  });
});

describe('a stage label that does not fit', () => {
  it('is cut in its middle, keeping a trailing count and a short last word', () => {
    const header = 'Awaiting: asyncio.gather(a(), b(), c()) (1)';
    expect(elide(header, 20, keepCount(header))).toBe('Awaiting: asynci…c()) (1)');
    const io = 'I/O: to_thread(shout) on worker asyncio_2 (1)';
    expect(elide(io, 30, keepCount(io))).toBe('I/O: to_thread(shout)…asyncio_2 (1)');
    expect(elide('Timers, by deadline', 7)).toBe('Timers,…');
    expect(keepCount('Run queue (10,000)')).toEqual({ keep: 9 });
    expect(keepCount('nothing is ready')).toBe('end');
  });

  it("is cut in its middle for a worker's name, so its number shows", () => {
    expect(elide('ThreadPoolExecutor-0_12', 14, 'middle')).toBe('ThreadPo…r-0_12');
    expect(elide('asyncio_0', 20, 'middle')).toBe('asyncio_0');
  });

  it("gives a thread pool's names a column wide enough for them, when the strip has room", () => {
    const threads = Array.from({ length: 4 }, (_, i) => ({
      thread: `ThreadPoolExecutor-0_${i}`,
      job: 'download_blocking',
      detail: '0.000–1.000',
      progress: 0.5,
    }));
    const w: WorldSnapshot = {
      threadsEver: true,
      networkEver: true,
      rowsEver: 4,
      threads,
      threadsMore: 0,
      busyMore: 0,
      packets: [],
      packetsMore: 0,
      bytesMore: 0,
    };
    const name = (width: number) =>
      layoutWorld(w, { x: 0, y: 400, w: width, h: 150 }, 1)!.threads!.rows[0].name;
    // 22 characters at about 7 px: the whole name fits beside the network box at 1,400 px.
    expect(name(1400).w).toBeGreaterThanOrEqual(22 * 7);
    // A narrow strip still leaves the job column more than half (the name is cut in its middle then).
    expect(name(600).w).toBeLessThanOrEqual(600 * 0.36 * 0.45);
  });
});

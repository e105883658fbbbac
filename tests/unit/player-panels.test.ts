import { describe, expect, it } from 'vitest';
import { buildAbc } from '../e2e/fixtures/build';
import { outputUpTo } from '../../common/outputIndex';
import { codeMarks } from '../../renderer/src/panels/codeMarks';
import { consoleLines } from '../../renderer/src/panels/consoleLines';
import { buildModel } from '../../renderer/src/player/model';
import { snapshotAt } from '../../renderer/src/player/snapshot';

const model = buildModel(buildAbc());

describe('panels derived from the player', () => {
  it('console shows what was printed up to the step, one line per line, tagged with the step that printed it', () => {
    expect(consoleLines(outputUpTo(model.index, 3)).lines).toEqual([
      { text: 'a started', stream: 'stdout', step: 2 },
      { text: 'b started', stream: 'stdout', step: 3 },
    ]);
  });

  it('console joins a line printed in pieces and splits a chunk holding several lines', () => {
    const chunks = [
      { stream: 'stdout' as const, text: 'a', step: 1 },
      { stream: 'stdout' as const, text: 'b\nc\n', step: 2 },
    ];
    expect(consoleLines(chunks).lines.map((l) => [l.text, l.step])).toEqual([
      ['ab', 2],
      ['c', 2],
    ]);
  });

  it("code marks each live task's line in its colour and the lines that just ran", () => {
    const marks = codeMarks(snapshotAt(model, 3, { showInternals: false }));
    expect(marks.tasks.map((m) => [m.label, m.line, m.running])).toEqual([
      ['a', 5, false],
      ['b', 11, true],
      ['main', 22, false],
    ]);
    expect(marks.linesRun).toEqual([10, 11]);
    expect(new Set(marks.tasks.map((m) => m.colour)).size).toBe(3);
  });

  it('code marks nothing for finished tasks', () => {
    expect(codeMarks(snapshotAt(model, 18, { showInternals: false })).tasks).toEqual([]);
  });

  it('a trace with no steps folds to an empty stage instead of failing', () => {
    const empty = buildModel({ ...buildAbc(), steps: [], events: [] });
    const s = snapshotAt(empty, 0, { showInternals: false });
    expect([s.ready, s.running, s.waiting, s.done]).toEqual([[], null, [], []]);
  });
});

describe('exports', () => {
  it('writes the steps as a Markdown table, one row per step with its narration', async () => {
    const { stepsMarkdown } = await import('../../renderer/src/player/exports');
    const md = stepsMarkdown(model).trim().split('\n');
    expect(md).toHaveLength(2 + model.trace.steps.length);
    expect(md[0]).toBe('| step | time | ran | what happened |');
    expect(md[7]).toBe(
      '| 5 | 0.100 | clock | Nothing is ready, so the virtual clock jumps from 0.000 to 0.100, the earliest timer. |',
    );
  });

  it('draws the timeline as standalone SVG with a row per task', async () => {
    const { timelineSvg } = await import('../../renderer/src/player/exports');
    const { buildTimeline } = await import('../../renderer/src/player/timeline');
    const svg = timelineSvg(model, buildTimeline(model));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<text /g)).toHaveLength(4);
  });
});

describe('a trace recorded from the real engine', () => {
  it('plays the a/b/c run with asyncio’s own tasks hidden and the end said in words', async () => {
    const { readFileSync } = await import('node:fs');
    const { narrate } = await import('../../renderer/src/player/narration');
    const { buildTimeline } = await import('../../renderer/src/player/timeline');
    const trace = JSON.parse(
      readFileSync(new URL('../e2e/fixtures/abc-gather.engine.json', import.meta.url), 'utf8'),
    );
    const real = buildModel(trace);
    expect(real.tasks.map((id) => real.info[id].label)).toEqual(['main', 'a', 'b', 'c']);
    expect(buildTimeline(real).rows).toHaveLength(4);
    const last = real.trace.steps.length - 1;
    const end = snapshotAt(real, last, { showInternals: false });
    expect(end.done.map((t) => t.label)).toEqual(['b', 'a', 'c', 'main']);
    // How it ended is said once, by the narration at the last step; the loop lane only says it stopped.
    expect(end.loopNote).toBe('the run is over');
    expect(narrate(real, last)).toBe('The program finished normally.');
    const cleanup = real.trace.steps.findIndex((s: { kind: string }) => s.kind === 'main');
    expect(narrate(real, cleanup)).toBe(
      "The loop is not running: the program's top level runs; asyncio.run() starts a clean-up task.",
    );
    expect(snapshotAt(real, cleanup, { showInternals: false }).ready).toEqual([]);
  });
});

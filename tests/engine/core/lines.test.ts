// The lines a step records (engine/python/lines.py, folded in engine/python/host.ts): repeats folded,
// the first 1,000 kept, and --max-step-lines counted exactly, resume lines not counted.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/python/engine';
import { createTestEngine } from '../../support/engine-snapshot';
import type { Trace } from '../../../common/trace';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
});

const run = (src: string, options = {}) => engine.run(src, 'main.py', options);
const out = (t: Trace): string => t.events.map((e) => (e.t === 'output' ? e.text : '')).join('');
const stepLines = (t: Trace, actorName: string): number[][] => {
  const id = t.actors.find((a) => a.name === actorName)!.id;
  return t.events.flatMap((e) => (e.t === 'afterTaskStep' && e.actor === id ? [e.lines] : []));
};

/** A task whose first step runs `n` distinct lines (x += 1 on lines 4 .. n+3). */
const longStep = (n: number): string =>
  `import asyncio\nasync def long():\n    x = 0\n${'    x += 1\n'.repeat(n)}asyncio.run(long())\n`;

describe('step lines', () => {
  it('keeps every line of a step up to 1,000, in order', async () => {
    const lines = stepLines(await run(longStep(900)), 'Task-1')[0];
    expect(lines).toEqual(Array.from({ length: 901 }, (_, k) => k + 3));
  });

  it('keeps the first 1,000 lines of a longer step (the chunk boundary is invisible)', async () => {
    const lines = stepLines(await run(longStep(2500)), 'Task-1')[0];
    expect(lines).toEqual(Array.from({ length: 1000 }, (_, k) => k + 3));
  });

  it('folds a loop line repeated across a chunk boundary', async () => {
    const t = await run(
      'import asyncio\nasync def spin():\n    for _ in range(3000): pass\nasyncio.run(spin())\n',
    );
    expect(stepLines(t, 'Task-1')[0]).toEqual([3]);
  });

  it('starts a resumed step on the line of its await', async () => {
    const t = await run(
      'import asyncio\nasync def w():\n    for i in range(2):\n        await asyncio.sleep(0.1)\n    print("done")\nasyncio.run(w())\n',
    );
    expect(stepLines(t, 'Task-1')).toEqual([
      [3, 4],
      [4, 3, 4],
      [4, 3, 5],
    ]);
  });

  it('keeps the first 1,000 lines of a long top level', async () => {
    const t = await run(`x = 0\n${'x += 1\n'.repeat(1500)}`);
    const main = t.events.find((e) => e.t === 'afterTaskStep')!;
    expect(main.t === 'afterTaskStep' && main.lines).toEqual(Array.from({ length: 1000 }, (_, k) => k + 1));
  });
});

describe('--max-step-lines', () => {
  // Lines run: 3 (i = 0), then 4, 5, 6 (while, print, i += 1) over and over. With a cap of 5
  // the 6th line run (a print, line 5) is one too many: one print happened.
  const loop = (resume: boolean) => `import asyncio
async def spin():
${resume ? '    await asyncio.sleep(0.1)\n' : ''}    i = 0
    while True:
        print(i)
        i += 1
asyncio.run(spin())
`;

  it('stops at exactly the line past the cap', async () => {
    const t = await run(loop(false), { maxStepLines: 5 });
    expect(out(t)).toBe('0\n');
    expect({ kind: t.end.kind, line: t.end.line }).toEqual({ kind: 'runaway', line: 5 });
  });

  it('does not count the line a task resumes on', async () => {
    // The same loop one line lower, in the step after the sleep: the same single print.
    const t = await run(loop(true), { maxStepLines: 5 });
    expect(out(t)).toBe('0\n');
    expect({ kind: t.end.kind, line: t.end.line }).toEqual({ kind: 'runaway', line: 6 });
  });

  it('counts exactly across chunks of a long step', async () => {
    // 3,001 lines: i = 0 and 1,000 loops of three; the 3,002nd (a while, line 4) is past the cap.
    const t = await run(loop(false), { maxStepLines: 3001 });
    expect(out(t).split('\n').length - 1).toBe(1000);
    expect(t.end.line).toBe(4);
  });

  it("stops a runaway top level, and a stopped task's lines stay in its own step", async () => {
    const top = await run('i = 0\nwhile True:\n    i += 1\n', { maxStepLines: 2500 });
    expect({ kind: top.end.kind, line: top.end.line }).toEqual({ kind: 'runaway', line: 3 });
    const t = await run(loop(false), { maxStepLines: 5 });
    expect(t.steps[0].lines).toEqual([1, 2, 7]);
  });
});

// The console at a step folds only the chunks of the lines it shows (consoleAt, with the line
// counts the output index keeps), and must show exactly what folding all the output shows
// (consoleLines): the same lines, the same count hidden, the cap's gap. Checked at every step
// of seeded random runs whose prints split lines across chunks and steps, mix stdout and
// stderr, print nothing, and hit the output cap (its gap hidden, shown, or not yet reached).
import { describe, expect, it } from 'vitest';
import { outputIndexOf, outputUpTo } from '../../common/outputIndex';
import type { Trace, TraceEvent } from '../../common/trace';
import { consoleAt, consoleLines } from '../../renderer/src/panels/consoleLines';

const TEXTS = ['a', 'b\n', '\n', '', 'c\nd', 'x\n\n', 'long line\n', 'tail'];

/** A trace with only what the console reads: steps and their output events. */
function printingRun(seed: number, steps: number, gapAt: number | null): Pick<Trace, 'steps' | 'events'> {
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return (x >>> 16) % n;
  };
  const events: TraceEvent[] = [];
  const out: Pick<Trace, 'steps' | 'events'> = { steps: [], events };
  for (let s = 0; s < steps; s++) {
    out.steps.push({ kind: 'run', time: s, iteration: s, firstEvent: events.length, actor: 1 });
    if (s === gapAt) events.push({ t: 'outputDropped', lines: 1234, chars: 5678 });
    for (let k = rand(4); k > 0; k--)
      events.push({
        t: 'output',
        stream: rand(5) === 0 ? 'stderr' : 'stdout',
        text: TEXTS[rand(TEXTS.length)],
      });
    if (rand(3) === 0) events.push({ t: 'taskScheduled', actor: 1 });
  }
  return out;
}

describe('consoleAt', () => {
  it.each([
    [1, null],
    [2, 10],
    [3, 200],
    [4, 390],
    [5, null],
  ])(
    'shows what folding all the output shows, at every step (seed %i, cap gap at step %s)',
    (seed, gapAt) => {
      const trace = printingRun(seed, 400, gapAt);
      const index = { trace, output: outputIndexOf(trace) };
      let hiddenSeen = 0;
      for (let step = 0; step < trace.steps.length; step++) {
        const all = consoleLines(outputUpTo(index, step));
        expect(consoleAt(index, step)).toEqual(all);
        hiddenSeen = Math.max(hiddenSeen, all.hidden);
      }
      // The runs print past the lines shown, so the tail is what is compared.
      expect(hiddenSeen).toBeGreaterThan(100);
    },
  );
});

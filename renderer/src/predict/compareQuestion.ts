// Predict mode in the compare view: which side finishes first, and when, on the shared virtual
// clock. Asked before the two runs play; the end of each trace holds the answer. Pure.
import type { Trace } from '../../../common/trace';
import { makeChoices, seconds, type Question } from './question';

const SAME_TIME = 1e-9;

interface Option {
  side: 0 | 1 | null;
  time: number;
}

export function compareQuestion(
  traces: readonly [Trace, Trace],
  names: readonly [string, string],
): Question | null {
  const ends = traces.map((t) => t.steps.at(-1)?.time ?? 0) as [number, number];
  const tie = Math.abs(ends[0] - ends[1]) < SAME_TIME;
  const first: 0 | 1 = ends[0] <= ends[1] ? 0 : 1;
  const other: 0 | 1 = first === 0 ? 1 : 0;
  const text = (o: Option) =>
    o.side === null
      ? `both at the same time, ${seconds(o.time)}`
      : `${names[o.side]} first, at ${seconds(o.time)}`;
  const right: Option = tie ? { side: null, time: ends[0] } : { side: first, time: ends[first] };
  const wrong: Option[] = tie
    ? [
        { side: 0, time: ends[0] },
        { side: 1, time: ends[1] },
      ]
    : [
        { side: other, time: ends[other] },
        { side: null, time: ends[first] },
        { side: first, time: ends[other] },
      ];
  // Fixed order: left, right, both; earlier times first within a side.
  const rank = (o: Option) => (o.side === null ? 2 : o.side);
  const made = makeChoices(right, wrong, text, (a, b) => rank(a) - rank(b) || a.time - b.time);
  if (!made) return null;
  const why = tie
    ? `Both runs end at ${seconds(ends[0])} on the shared virtual clock.`
    : `${names[first]} ends at ${seconds(ends[first])} and ${names[other]} only at ${seconds(ends[other])}: on the virtual clock a run lasts as long as its waits that cannot overlap.`;
  return { step: 0, kind: 'compare', prompt: 'Which side finishes first, and when?', ...made, why };
}

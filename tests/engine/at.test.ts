// `sim --at WHEN`'s text for a few programs, against goldens in tests/engine/at/ (UPDATE_GOLDEN=1
// rewrites them), and the facts each golden is there to show, checked on their own: the lost
// update's three tasks all read balance 0, the deadlock's holders and cycle, a bounded queue's
// waiting producer, a semaphore's holders and waiters, a gather's awaited children. Tasks go by
// the app's names (common/taskNames.ts), CPython's with --cpython-names.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace.ts';
import { formatAt, parseWhen, replayTo, resolveWhen } from '../../main/cli/at.ts';
import { createTestEngine } from '../support/engine-snapshot.ts';
import { UPDATE_GOLDEN } from './corpus/corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN_DIR = fileURLToPath(new URL('./at/', import.meta.url));

const CASES = [
  { name: 'lost-update', file: 'lessons/07-lost-update.py', when: 'when the clock jumps' },
  { name: 'deadlock', file: 'lessons/15-deadlock.py', when: 'end' },
  {
    name: 'queue',
    file: 'tests/engine/corpus/22_queue_bounded.py',
    when: 'when "put 2 at 0.000 full=True" is printed',
  },
  { name: 'semaphore', file: 'tests/engine/corpus/28_semaphore.py', when: 'at t=0.15' },
  {
    name: 'gather',
    file: 'tests/engine/corpus/01_gather_abc.py',
    when: 'when "b finished at 0.100" is printed',
  },
];

const texts = new Map<string, string>();
/** The same with --cpython-names. */
const cpython = new Map<string, string>();
/** The same WHEN on a skeleton (capture off) and a replay to its step: sim --at --replay. */
const replayed = new Map<string, string>();

beforeAll(async () => {
  const engine = await createTestEngine();
  for (const c of CASES) {
    const source = readFileSync(ROOT + c.file, 'utf8');
    const name = c.file.split('/').at(-1)!;
    const trace: Trace = await engine.run(source, name);
    const when = parseWhen(c.when);
    if (when === null) throw new Error(`bad WHEN ${c.when}`);
    const step = resolveWhen(trace, when);
    if (typeof step === 'string') throw new Error(`${c.name}: ${step}`);
    texts.set(c.name, `${formatAt(trace, step, false).join('\n')}\n`);
    cpython.set(c.name, `${formatAt(trace, step, false, undefined, 'cpython').join('\n')}\n`);
    const skeleton = await engine.run(source, name, { capture: false });
    expect(skeleton.events.some((e) => e.t === 'taskFrames')).toBe(false);
    const state = await replayTo(skeleton, step, (options) => engine.run(source, name, options));
    if (c.name !== 'deadlock') expect(state.steps.length).toBeLessThan(skeleton.steps.length);
    replayed.set(c.name, `${formatAt(state, step, false, skeleton.steps.length - 1).join('\n')}\n`);
  }
}, 300_000);

describe('sim --at', () => {
  it.each(CASES)('$name at $when matches its golden', ({ name }) => {
    const path = `${GOLDEN_DIR}${name}.txt`;
    const text = texts.get(name)!;
    if (UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('lost update: the three deposits all read balance 0 before any writes', () => {
    const text = texts.get('lost-update')!;
    expect(text.match(/^ {6}current = 0$/gm)).toHaveLength(3);
    expect(text).toMatch(/^ {6}amount = 100$/m);
  });

  it('deadlock: each lock has its holder and waiter, and the cycle is named', () => {
    const text = texts.get('deadlock')!;
    expect(text).toContain('lock savings[1] (line 32): held by alice; waiting: bob');
    expect(text).toContain('lock checking[1] (line 33): held by bob; waiting: alice');
    expect(text).toContain(
      'warning: deadlock: alice waits for lock checking[1] held by bob, who waits for lock savings[1] held by alice',
    );
  });

  it('queue: the producer waits on the full queue', () => {
    const text = texts.get('queue')!;
    expect(text).toMatch(/queue queue \(line \d+\): held by nobody; waiting: producer; 2 items of 2/);
  });

  it('semaphore: two hold it, two wait', () => {
    expect(texts.get('semaphore')).toMatch(
      /semaphore sem \(line 17\): held by download\('d0'\), download\('d2'\); waiting: download\('d3'\), download\('d4'\); 0 free/,
    );
  });

  it('gather: main awaits the children', () => {
    const text = texts.get('gather')!;
    expect(text).toMatch(
      /^ {2}main \(main.*\): waiting on task: .*for work\('a'\), work\('b'\), work\('c'\)$/m,
    );
    expect(text.match(/awaited by: main$/gm)?.length).toBe(3);
  });

  it("--cpython-names: the same state with CPython's task names", () => {
    const text = cpython.get('gather')!;
    expect(text).toMatch(/^ {2}Task-1 \(main.*\): waiting on task: .*for Task-2, Task-3, Task-4$/m);
    expect(text.match(/awaited by: Task-1$/gm)?.length).toBe(3);
    expect(text).not.toContain("work('a')");
    expect(cpython.get('queue')).toContain('waiting: Task-2; 2 items of 2');
  });

  it.each(CASES)('$name: a replay to the step of a run without capture shows the same state', ({ name }) => {
    expect(replayed.get(name)).toBe(texts.get(name));
  });

  it('WHEN: bad text and steps past the end are refused', () => {
    expect(parseWhen('soon')).toBeNull();
    expect(parseWhen('12')).toEqual({ kind: 'step', step: 12 });
    expect(parseWhen('end')).toEqual({ kind: 'bookmark', condition: { kind: 'end' } });
    const trace = {
      steps: [{ kind: 'start', time: 0, iteration: 0, firstEvent: 0 }],
      events: [],
    } as unknown as Trace;
    expect(resolveWhen(trace, { kind: 'step', step: 5 })).toMatch(/past the run's last step \(0\)/);
    expect(resolveWhen(trace, parseWhen('when "never" is printed')!)).toBe('the run never gets there');
  });
});

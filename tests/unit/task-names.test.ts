// The one naming scheme (common/taskNames.ts), on hand-written traces: a task's own name, else its
// coroutine told apart from its siblings by an argument that differs, else by creation order.
import { describe, expect, it } from 'vitest';
import { cpythonLabel, fitName, nameOf, renameTasksIn, shortCoro, taskNames } from '../../common/taskNames';
import type { Actor, Frame, TraceEvent } from '../../common/trace';

const task = (id: number, coro: string, name = `Task-${id}`, extra: Partial<Actor> = {}): Actor => ({
  id,
  kind: 'task',
  name,
  coro,
  ...extra,
});
/** The taskFrames event the engine writes when a task is created: its coroutine's arguments. */
const created = (actor: number, fn: string, args: [string, string][]): TraceEvent[] => [
  { t: 'taskSpawned', actor },
  { t: 'taskFrames', actor, frames: [{ fn, line: 1, locals: args } satisfies Frame] },
];
const friendly = (actors: Actor[], events: TraceEvent[] = []) => {
  const names = taskNames({ actors, events });
  return actors.map((a) => nameOf(names, a.id, 'friendly'));
};

describe('task names', () => {
  it('names a task by its coroutine, and keeps a name the program gave it', () => {
    expect(friendly([task(1, 'main'), task(2, 'worker', 'worker-2'), task(3, 'fetch')])).toEqual([
      'main',
      'worker-2',
      'fetch',
    ]);
  });

  it('tells tasks of one coroutine apart by the first argument that differs', () => {
    const actors = [task(1, 'main'), task(2, 'job'), task(3, 'job'), task(4, 'job')];
    const events = [
      ...created(2, 'job', [
        ['queue', '<Queue>'],
        ['n', '1'],
      ]),
      ...created(3, 'job', [
        ['queue', '<Queue>'],
        ['n', '2'],
      ]),
      ...created(4, 'job', [
        ['queue', '<Queue>'],
        ['n', '3'],
      ]),
    ];
    expect(friendly(actors, events)).toEqual(['main', 'job(1)', 'job(2)', 'job(3)']);
  });

  it('numbers them in creation order when no argument tells them apart (equal or long reprs)', () => {
    const deposits = [task(2, 'deposit'), task(3, 'deposit'), task(4, 'deposit')];
    const same = deposits.flatMap((a) => created(a.id, 'deposit', [['amount', '100']]));
    expect(friendly(deposits, same)).toEqual(['deposit #1', 'deposit #2', 'deposit #3']);
    const long = deposits.flatMap((a) =>
      created(a.id, 'deposit', [
        ['writer', `<StreamWriter transport=<_SelectorSocketTransport fd=${a.id}>>`],
      ]),
    );
    expect(friendly(deposits, long)).toEqual(['deposit #1', 'deposit #2', 'deposit #3']);
    // Without the engine's creation frames (an older trace), the numbers still tell them apart.
    expect(friendly(deposits)).toEqual(['deposit #1', 'deposit #2', 'deposit #3']);
  });

  it('reads only the frames written before a task first ran (its arguments, not its later locals)', () => {
    const actors = [task(2, 'job'), task(3, 'job')];
    const events: TraceEvent[] = [
      { t: 'taskSpawned', actor: 2 },
      { t: 'taskSpawned', actor: 3 },
      { t: 'beforeTaskStep', actor: 2 },
      { t: 'taskFrames', actor: 2, frames: [{ fn: 'job', line: 4, locals: [['i', '7']] }] },
      { t: 'beforeTaskStep', actor: 3 },
      { t: 'taskFrames', actor: 3, frames: [{ fn: 'job', line: 4, locals: [['i', '8']] }] },
    ];
    expect(friendly(actors, events)).toEqual(['job #1', 'job #2']);
  });

  it("numbers a program's repeated own names, and keeps asyncio's tasks apart from the program's", () => {
    const actors = [
      task(1, 'w', 'worker'),
      task(2, 'w', 'worker'),
      task(3, 'BaseEventLoop.shutdown_asyncgens', 'Task-3', { internal: true }),
      task(4, 'outer.<locals>.inner'),
    ];
    expect(friendly(actors)).toEqual(['worker #1', 'worker #2', 'BaseEventLoop.shutdown_asyncgens', 'inner']);
    expect(shortCoro('outer.<locals>.inner')).toBe('inner');
  });

  it("gives CPython's names on request, and turns them into the scheme's in the engine's sentences", () => {
    const actors = [task(1, 'main'), task(2, 'deposit'), task(3, 'deposit')];
    const names = taskNames({ actors, events: [] });
    expect(actors.map((a) => nameOf(names, a.id, 'cpython'))).toEqual(['Task-1', 'Task-2', 'Task-3']);
    const deadlock =
      'deadlock: Task-2 waits on lock.acquire() (line 7); Task-3 waits on Task-2; Task-12 is unknown';
    expect(renameTasksIn(deadlock, { actors }, names, 'friendly')).toBe(
      'deadlock: deposit #1 waits on lock.acquire() (line 7); deposit #2 waits on deposit #1; Task-12 is unknown',
    );
    expect(renameTasksIn(deadlock, { actors }, names, 'cpython')).toBe(deadlock);
  });
});

describe('names where room is short', () => {
  it('keep what tells siblings apart', () => {
    expect(fitName('deposit_with_lock #2', 12)).toBe('deposit_… #2');
    expect(fitName('fetch(42)', 12)).toBe('fetch(42)');
    expect(fitName('download_page(17)', 12)).toBe('downloa…(17)');
    expect(fitName('a_very_long_coroutine', 12)).toBe('a_very_long…');
  });
});

describe('sim --steps', () => {
  it("names lesson 7's deposits as the app does, and as CPython does with --cpython-names", async () => {
    const { readFileSync } = await import('node:fs');
    const { formatSteps } = await import('../../main/cli/steps');
    const trace = JSON.parse(
      readFileSync(new URL('../../lessons/expected/07-lost-update.trace.json', import.meta.url), 'utf8'),
    );
    expect(formatSteps(trace)[1]).toContain('spawns deposit #1, spawns deposit #2, spawns deposit #3');
    expect(formatSteps(trace, 'cpython')[1]).toContain('spawns Task-2, spawns Task-3, spawns Task-4');
  });
});

describe('cpythonLabel', () => {
  it("adds the coroutine to asyncio's default names only, and only for tasks", () => {
    expect(cpythonLabel({ kind: 'task', name: 'Task-3', coro: 'report' })).toBe('Task-3 (report)');
    expect(cpythonLabel({ kind: 'task', name: 'fetcher', coro: 'report' })).toBe('fetcher');
    expect(cpythonLabel({ kind: 'task', name: 'Task-3x', coro: 'report' })).toBe('Task-3x');
    expect(cpythonLabel({ kind: 'callback', name: 'Task-3', coro: 'report' })).toBe('Task-3');
  });
});

// The pieces a generated program is made of: one worker step each, as Python lines, using the
// program's shared lock, sem, event, queue, cond and barrier.
// Every wait is bounded (a timeout, a finite sleep, or a lock held only across sleeps), so every
// program terminates. Nothing here lets set order (memory addresses) reach the output: no sibling
// that prints while a TaskGroup cancels it, no leftover tasks at shutdown, results printed sorted.

import type { Rng } from './rng.ts';

/** Few distinct values on purpose: equal deadlines are where schedulers disagree. */
export const DURATIONS = [0, 0.1, 0.1, 0.2, 0.25, 0.3, 0.5, 0.5, 1.0] as const;
export const TIMEOUTS = [0.1, 0.2, 0.25, 0.5, 1.0, 2.0] as const;

export interface OpContext {
  rng: Rng;
  /** Printed in every line the step prints, e.g. "w2.3" (worker 2, step 3). */
  tag: string;
  /** How many leaf coroutines (leaf_0 ... leaf_{n-1}) the program defines. */
  leafCount: number;
  /**
   * asyncio.wait_for changed in Python 3.12 (it awaits in the caller's task instead of a new
   * task, so a wait that needs no suspension no longer yields); off for a native python < 3.12.
   */
  waitFor: boolean;
  /** Condition wait/notify steps (see GeneratorOptions.conditions). */
  conditions: boolean;
}

type OpBuilder = (ctx: OpContext) => string[];

const say = (tag: string, what: string) => `print(f"${tag} ${what} {now()}")`;
const indent = (lines: string[], by = 1) => lines.map((line) => '    '.repeat(by) + line);

function leafCall(ctx: OpContext): string {
  return `leaf_${ctx.rng.int(0, ctx.leafCount - 1)}("${ctx.tag}")`;
}

const sleep: OpBuilder = ({ rng, tag }) => [`await asyncio.sleep(${rng.pick(DURATIONS)})`, say(tag, 'slept')];

const sleepZero: OpBuilder = ({ rng, tag }) => [
  `for _ in range(${rng.int(1, 3)}):`,
  '    await asyncio.sleep(0)',
  say(tag, 'yielded'),
];

const block: OpBuilder = ({ rng, tag }) => [
  `time.sleep(${rng.pick([0.05, 0.1, 0.3])})`,
  say(tag, 'blocked the loop'),
];

const withPrimitive =
  (primitive: 'lock' | 'sem'): OpBuilder =>
  ({ rng, tag }) => [
    `async with ${primitive}:`,
    `    ${say(tag, `${primitive} in`)}`,
    `    await asyncio.sleep(${rng.pick(DURATIONS)})`,
    say(tag, `${primitive} out`),
  ];

const bounded = (
  { rng, tag, waitFor }: OpContext,
  what: string,
  body: string[],
  onTime: string,
): string[] => {
  const timeout = rng.pick(TIMEOUTS);
  if (rng.chance(0.5) || !waitFor) {
    return [
      'try:',
      `    async with asyncio.timeout(${timeout}):`,
      ...indent(body, 2),
      `    ${onTime}`,
      'except TimeoutError:',
      `    ${say(tag, `${what} timed out`)}`,
    ];
  }
  const [first, ...rest] = body;
  const awaited = first.replace(
    /^(\w+ = )?await (.*)$/,
    (_m, lhs: string | undefined, expr: string) => `${lhs ?? ''}await asyncio.wait_for(${expr}, ${timeout})`,
  );
  return [
    'try:',
    `    ${awaited}`,
    ...indent(rest),
    `    ${onTime}`,
    'except TimeoutError:',
    `    ${say(tag, `${what} timed out`)}`,
  ];
};

const eventWait: OpBuilder = (ctx) =>
  bounded(ctx, 'event wait', ['await event.wait()'], say(ctx.tag, 'saw the event'));

const eventSet: OpBuilder = ({ rng, tag }) =>
  rng.chance(0.75)
    ? ['event.set()', say(tag, 'set the event')]
    : ['event.clear()', say(tag, 'cleared the event')];

const queuePut: OpBuilder = (ctx) =>
  bounded(ctx, 'put', [`await queue.put("${ctx.tag}")`], say(ctx.tag, 'put'));

const queueGet: OpBuilder = (ctx) =>
  bounded(ctx, 'get', ['item = await queue.get()'], `print(f"${ctx.tag} got {item} {now()}")`);

const gather: OpBuilder = (ctx) => {
  const calls = Array.from({ length: ctx.rng.int(1, 3) }, () => leafCall(ctx)).join(', ');
  if (ctx.rng.chance(0.5)) {
    return [
      `results = await asyncio.gather(${calls}, return_exceptions=True)`,
      `print(f"${ctx.tag} gathered {results!r} {now()}")`,
    ];
  }
  return [
    'try:',
    `    results = await asyncio.gather(${calls})`,
    `    print(f"${ctx.tag} gathered {results!r} {now()}")`,
    'except ValueError as error:',
    `    print(f"${ctx.tag} gather raised {error!r} {now()}")`,
  ];
};

const waitForLeaf: OpBuilder = (ctx) => [
  'try:',
  `    value = await asyncio.wait_for(${leafCall(ctx)}, ${ctx.rng.pick(TIMEOUTS)})`,
  `    print(f"${ctx.tag} wait_for gave {value!r} {now()}")`,
  'except TimeoutError:',
  `    ${say(ctx.tag, 'wait_for timed out')}`,
  'except ValueError as error:',
  `    print(f"${ctx.tag} wait_for raised {error!r} {now()}")`,
];

const timeoutBlock: OpBuilder = ({ rng, tag }) => [
  'try:',
  `    async with asyncio.timeout(${rng.pick(TIMEOUTS)}):`,
  `        await asyncio.sleep(${rng.pick(DURATIONS)})`,
  `        ${say(tag, 'half way')}`,
  `        await asyncio.sleep(${rng.pick(DURATIONS)})`,
  `    ${say(tag, 'in time')}`,
  'except TimeoutError:',
  `    ${say(tag, 'timed out')}`,
];

const spawnChild: OpBuilder = (ctx) => [
  `child = asyncio.create_task(${leafCall(ctx)})`,
  `await asyncio.sleep(${ctx.rng.pick(DURATIONS)})`,
  `print(f"${ctx.tag} child done: {child.done()} {now()}")`,
  'try:',
  `    print(f"${ctx.tag} child gave {await child!r} {now()}")`,
  'except ValueError as error:',
  `    print(f"${ctx.tag} child raised {error!r} {now()}")`,
];

const shield: OpBuilder = (ctx) => [
  `inner = asyncio.create_task(${leafCall(ctx)})`,
  'try:',
  `    async with asyncio.timeout(${ctx.rng.pick(TIMEOUTS)}):`,
  '        value = await asyncio.shield(inner)',
  `    print(f"${ctx.tag} shielded {value!r} {now()}")`,
  'except TimeoutError:',
  `    print(f"${ctx.tag} shield timed out, inner cancelled: {inner.cancelled()} {now()}")`,
  'except ValueError:',
  `    ${say(ctx.tag, 'shielded leaf raised')}`,
  'try:',
  `    print(f"${ctx.tag} inner gave {await inner!r} {now()}")`,
  'except ValueError as error:',
  `    print(f"${ctx.tag} inner raised {error!r} {now()}")`,
];

const taskGroup: OpBuilder = (ctx) => {
  const children = Array.from(
    { length: ctx.rng.int(1, 3) },
    (_, i) => `    c${i} = group.create_task(${leafCall(ctx)})`,
  );
  const results = children.map((_, i) => `{c${i}.result()!r}`).join(' ');
  return [
    'try:',
    '    async with asyncio.TaskGroup() as group:',
    ...indent(children),
    `    print(f"${ctx.tag} group gave ${results} {now()}")`,
    'except* ValueError as group_error:',
    `    print(f"${ctx.tag} group raised {sorted(str(e) for e in group_error.exceptions)} {now()}")`,
  ];
};

const asCompleted: OpBuilder = (ctx) => {
  const calls = Array.from({ length: ctx.rng.int(2, 3) }, () => `asyncio.create_task(${leafCall(ctx)})`).join(
    ', ',
  );
  return [
    `for next_done in asyncio.as_completed([${calls}]):`,
    '    try:',
    `        print(f"${ctx.tag} completed {await next_done!r} {now()}")`,
    '    except ValueError as error:',
    `        print(f"${ctx.tag} completed with {error!r} {now()}")`,
  ];
};

const callback: OpBuilder = ({ rng, tag }) =>
  rng.chance(0.3)
    ? [`asyncio.get_running_loop().call_soon(lambda: ${say(tag, 'call_soon callback')})`]
    : [
        `asyncio.get_running_loop().call_later(${rng.pick(DURATIONS)}, lambda: ${say(tag, 'call_later callback')})`,
      ];

const cancelGuard: OpBuilder = ({ rng, tag }) => [
  'try:',
  `    await asyncio.sleep(${rng.pick(DURATIONS)})`,
  'except asyncio.CancelledError as error:',
  `    print(f"${tag} was cancelled {error.args} {now()}")`,
  rng.chance(0.7) ? '    raise' : '    asyncio.current_task().uncancel()',
  say(tag, 'guarded sleep over'),
];

/** Many timers on few deadlines, some cancelled: over 100 with most cancelled rebuilds the heap. */
const timerStorm: OpBuilder = ({ rng, tag }) => {
  const delays = Array.from({ length: rng.int(1, 3) }, () => rng.pick(DURATIONS.filter((d) => d > 0)));
  const cancelUnless = rng.pick([0, 2, 3]);
  return [
    'loop = asyncio.get_running_loop()',
    'fired = []',
    `handles = [loop.call_later(${JSON.stringify(delays)}[i % ${delays.length}], fired.append, i) for i in range(${rng.pick([4, 12, 40, 120, 150])})]`,
    ...(cancelUnless
      ? ['for i, handle in enumerate(handles):', `    if i % ${cancelUnless}:`, '        handle.cancel()']
      : []),
    'await asyncio.sleep(1.0)',
    `print(f"${tag} timers fired {fired} {now()}")`,
  ];
};

/** One deadline from one reading, armed across iterations or within one: the tie-break's two cases. */
const sharedDeadline: OpBuilder = ({ rng, tag }) => {
  const yieldBetween = rng.chance(0.5);
  return [
    'loop = asyncio.get_running_loop()',
    `when = loop.time() + ${rng.pick(DURATIONS)}`,
    `for k in range(${rng.int(3, 6)}):`,
    `    loop.call_at(when, lambda k=k: print(f"${tag} shared deadline {k} {now()}"))`,
    ...(yieldBetween ? ['    await asyncio.sleep(0)'] : []),
  ];
};

const conditionWait: OpBuilder = ({ rng, tag }) => [
  'try:',
  `    async with asyncio.timeout(${rng.pick(TIMEOUTS)}):`,
  '        async with cond:',
  '            await cond.wait()',
  `    ${say(tag, 'was notified')}`,
  'except TimeoutError:',
  `    ${say(tag, 'condition wait timed out')}`,
];

const conditionNotify: OpBuilder = ({ rng, tag }) => [
  'async with cond:',
  rng.chance(0.5) ? `    cond.notify(${rng.int(1, 2)})` : '    cond.notify_all()',
  say(tag, 'notified'),
];

const barrierWait: OpBuilder = ({ rng, tag }) => [
  'try:',
  `    async with asyncio.timeout(${rng.pick(TIMEOUTS)}):`,
  '        index = await barrier.wait()',
  `    print(f"${tag} passed the barrier as {index} {now()}")`,
  'except TimeoutError:',
  `    ${say(tag, 'barrier wait timed out')}`,
  'except asyncio.BrokenBarrierError:',
  `    ${say(tag, 'found the barrier broken')}`,
];

/** Weighted: the common waits often, the rarer shapes now and then. */
const OPS: [OpBuilder, number][] = [
  [sleep, 6],
  [sleepZero, 2],
  [block, 1],
  [withPrimitive('lock'), 3],
  [withPrimitive('sem'), 3],
  [eventWait, 2],
  [eventSet, 2],
  [queuePut, 3],
  [queueGet, 3],
  [gather, 3],
  [waitForLeaf, 2],
  [timeoutBlock, 2],
  [spawnChild, 2],
  [shield, 1],
  [taskGroup, 2],
  [asCompleted, 1],
  [callback, 2],
  [cancelGuard, 3],
  [timerStorm, 1],
  [sharedDeadline, 2],
  [conditionWait, 2],
  [conditionNotify, 2],
  [barrierWait, 1],
];

export function workerStep(ctx: OpContext): string[] {
  const left = new Set<OpBuilder>([
    ...(ctx.waitFor ? [] : [waitForLeaf]),
    ...(ctx.conditions ? [] : [conditionWait, conditionNotify]),
  ]);
  const ops = OPS.filter(([build]) => !left.has(build));
  let roll = ctx.rng.next() * ops.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [build, weight] of ops) {
    roll -= weight;
    if (roll < 0) return build(ctx);
  }
  return sleep(ctx);
}

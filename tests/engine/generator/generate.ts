// Generates one random asyncio program from a seed: a few leaf coroutines (sleep, maybe raise,
// maybe await another leaf), a few workers made of steps from ops.ts sharing a lock, a semaphore,
// an event and a queue, and a main that starts the workers, pokes them (sleeps, cancels, sets the
// event, feeds the queue) and awaits them all. Same seed, same program.

import { DURATIONS, workerStep } from './ops.ts';
import { programSeed, Rng } from './rng.ts';

export interface GeneratorOptions {
  /** Use asyncio.wait_for (see OpContext.waitFor). */
  waitFor: boolean;
  /**
   * Print task names. Before 3.14 asyncio.create_task(name=...) made the task unnamed first and
   * renamed it, so a named task still advanced the Task-N counter (3.11 does; when it changed is
   * not pinned down here, so names are printed only on the oracle's own version).
   */
  taskNames: boolean;
  /** Use asyncio.Condition: after notify(), 3.11 takes more loop steps to wake a waiter than 3.14. */
  conditions: boolean;
}

export const ALL_FEATURES: GeneratorOptions = { waitFor: true, taskNames: true, conditions: true };

export interface GeneratedProgram {
  seed: number;
  fileName: string;
  source: string;
}

const indent = (lines: string[]) => lines.map((line) => '    ' + line);

function leaf(rng: Rng, index: number, options: GeneratorOptions): string[] {
  // The task's name: Task-N counts every unnamed task, whichever API made it.
  const where = options.taskNames ? ' in {asyncio.current_task().get_name()}' : '';
  const lines = [`async def leaf_${index}(tag):`, `    print(f"{tag} leaf_${index} starts${where} {now()}")`];
  if (index > 0 && rng.chance(0.3)) {
    lines.push(`    inner = await leaf_${rng.int(0, index - 1)}(tag)`);
  }
  lines.push(`    await asyncio.sleep(${rng.pick(DURATIONS)})`);
  if (rng.chance(0.25)) {
    lines.push(`    raise ValueError(f"leaf_${index} failed for {tag}")`);
  } else {
    lines.push(`    print(f"{tag} leaf_${index} ends {now()}")`, `    return "leaf_${index}"`);
  }
  return lines;
}

function worker(rng: Rng, index: number, leafCount: number, options: GeneratorOptions): string[] {
  const lines = [`async def worker_${index}():`];
  const steps = rng.int(1, 6);
  for (let step = 0; step < steps; step++) {
    lines.push(...indent(workerStep({ rng, tag: `w${index}.${step}`, leafCount, ...options })));
  }
  if (rng.chance(0.15)) lines.push(`    raise ValueError("worker_${index} gives up")`);
  else lines.push(`    return "worker_${index} done"`);
  return lines;
}

function main(rng: Rng, workerCount: number): string[] {
  const lines = [
    'async def main():',
    '    global lock, sem, event, queue, cond, barrier',
    '    lock = asyncio.Lock()',
    '    cond = asyncio.Condition()',
    `    barrier = asyncio.Barrier(${rng.int(2, 3)})`,
    `    sem = asyncio.${rng.pick(['Semaphore', 'BoundedSemaphore'])}(${rng.int(1, 3)})`,
    '    event = asyncio.Event()',
    `    queue = asyncio.Queue(maxsize=${rng.pick([0, 1, 2, 3])})`,
    `    tasks = [${Array.from({ length: workerCount }, (_, i) => `asyncio.create_task(worker_${i}(), name="w${i}")`).join(', ')}]`,
  ];
  const pokes = rng.int(0, 4);
  for (let poke = 0; poke < pokes; poke++) {
    const kind = rng.int(0, 3);
    if (kind === 0) lines.push(`    await asyncio.sleep(${rng.pick(DURATIONS)})`);
    const target = rng.int(0, workerCount - 1);
    // Single quotes: nested double quotes in an f-string are a SyntaxError before Python 3.12.
    const message = rng.chance(0.5) ? "'main says stop'" : '';
    if (kind === 1)
      lines.push(`    print(f"main cancels w${target}: {tasks[${target}].cancel(${message})} {now()}")`);
    if (kind === 2) lines.push('    event.set()', '    print(f"main set the event {now()}")');
    if (kind === 3)
      lines.push(
        `    if not queue.full():`,
        `        queue.put_nowait("main.${poke}")`,
        `        print(f"main put main.${poke} {now()}")`,
      );
  }
  // Each worker awaited in turn, not gathered: a gather of tasks that are all done completes
  // without yielding since Python 3.12, which would make the ending version-dependent.
  lines.push(
    '    for task in tasks:',
    '        try:',
    '            result = repr(await task)',
    '        except asyncio.CancelledError:',
    '            result = "cancelled"',
    '        except ValueError as error:',
    '            result = repr(error)',
    '        print(f"{task.get_name()} -> {result}")',
    '    print(f"main ends {now()} with {queue.qsize()} queued, event set: {event.is_set()}")',
  );
  return lines;
}

/** Mostly asyncio.run; sometimes the older loop styles, which end differently. */
function ending(rng: Rng): string[] {
  const style = rng.int(0, 9);
  if (style === 0) {
    return [
      'loop = asyncio.new_event_loop()',
      'loop.run_until_complete(main())',
      'loop.close()',
      'print("loop closed")',
    ];
  }
  if (style === 1) {
    return [
      'with asyncio.Runner() as runner:',
      '    runner.run(main())',
      '    print(f"between runs {runner.get_loop().time()!r}")',
      '    runner.run(main())',
    ];
  }
  return ['asyncio.run(main())'];
}

export function generateProgram(seed: number, options: GeneratorOptions = ALL_FEATURES): GeneratedProgram {
  const rng = new Rng(seed);
  const leafCount = rng.int(1, 4);
  const workerCount = rng.int(1, 5);
  const lines = [
    `# Generated by tests/engine/generator, seed ${seed}.`,
    'import asyncio',
    'import time',
    '',
    'lock = sem = event = queue = cond = barrier = None',
    '',
    '',
    'def now():',
    // repr, not a rounded format: the two sides must agree to the last bit of the clock.
    '    return repr(asyncio.get_running_loop().time())',
    '',
  ];
  for (let i = 0; i < leafCount; i++) lines.push('', ...leaf(rng, i, options), '');
  for (let i = 0; i < workerCount; i++) lines.push('', ...worker(rng, i, leafCount, options), '');
  lines.push('', ...main(rng, workerCount), '', '', ...ending(rng), '');
  return { seed, fileName: `generated_${seed}.py`, source: lines.join('\n') };
}

/** `count` programs from one base seed: program i uses programSeed(baseSeed, i). */
export function generatePrograms(
  count: number,
  baseSeed: number,
  options?: GeneratorOptions,
): GeneratedProgram[] {
  return Array.from({ length: count }, (_, i) => generateProgram(programSeed(baseSeed, i), options));
}

// Each lesson against real CPython: the reference virtual clock (CPython's own asyncio loop on
// a fake clock, virtual_clock.py) must print the golden exactly, and a native run must print it
// up to the timing normaliser (python.ts). Skipped, and said so, where python3 is missing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../lessons/lessons';
import {
  compareTimedOutput,
  EXPECTED_DIR,
  python3CanRunLessons,
  python3Version,
  runPython,
  VIRTUAL_CLOCK,
  type PythonRun,
} from './python';

const VERSION = python3Version();
/** The version string when this python3 can run the lessons, else null (and the tests say why). */
const PYTHON = python3CanRunLessons(VERSION) ? VERSION : null;

/**
 * Times are checked exactly on the virtual clock (the reference above and the engine); a real run
 * only has to land near them, and a busy machine wakes late: on 2 CPUs at load 16, runs were
 * mostly under 0.1 s late but sometimes over 0.5 s. Lesson 14's 1,000 real clients with 2,000
 * loopback sockets cost CPU time too (0.9 s at load 7 on 2 CPUs): 5 s of slack.
 */
const LATE_SLACK = 1.0;
const LATE_SLACK_FOR: Record<string, number> = { '14-many-clients': 5.0 };
/** The longest lesson takes a few seconds of wall time; real runs get this long before they count as hung. */
const NATIVE_TIME_LIMIT_MS = 30_000;
/** The deadlock lesson hangs in real Python: still running this long after its last print is the hang. */
const DEADLOCK_GRACE_MS = 2_000;
const DEADLOCK_LESSON = '15-deadlock';

/**
 * Lessons that download from the built-in remote hosts exist only on the virtual network: the
 * real example.com serves no `/delay/N` pages (and this machine may have no network at all).
 */
const REMOTE_HOSTS =
  'downloads /delay/N pages from the built-in host example.com, which exists only on the virtual network';
const NATIVE_SKIP: Record<string, string> = {
  '02a-sync-waits': REMOTE_HOSTS,
  '02b-async-waits': REMOTE_HOSTS,
  '04-blocking-read': REMOTE_HOSTS,
  '17-thread-pool': REMOTE_HOSTS,
};
/**
 * The reference virtual clock (virtual_clock.py) fakes time, not sockets: I/O lessons are checked
 * to the microsecond by the engine goldens and by the oracle (tests/engine/differential.test.ts).
 */
const NO_SOCKETS =
  'uses sockets, which the reference virtual clock has no model of (the engine goldens and the differential oracle check its exact times)';
const REFERENCE_SKIP: Record<string, string> = {
  '02a-sync-waits': NO_SOCKETS,
  '02b-async-waits': NO_SOCKETS,
  '04-blocking-read': NO_SOCKETS,
  '14-many-clients': NO_SOCKETS,
  '16-backpressure': NO_SOCKETS,
  '17-thread-pool': NO_SOCKETS,
  '18-echo-server': NO_SOCKETS,
};
/**
 * Lesson 14's `# loopscope: latency loopback=0.05` makes the virtual loopback slower than the
 * real one (microseconds), so its native times may be anywhere from 0 up to the golden's plus
 * the slack: the native run still checks every line of text and that 1,000 clients finish.
 */
const EARLY_SLACK_FOR: Record<string, number> = {
  '14-many-clients': Infinity,
  // Real loopback sockets buffer megabytes, the virtual ones 64 KiB each way: natively the
  // writer's drain() hardly waits, so its time comes early; the reader's 2 s is checked as usual.
  '16-backpressure': Infinity,
  // Lesson 18's directive slows the virtual loopback to 0.05 s a message, as lesson 14's does.
  '18-echo-server': Infinity,
};

const golden = (id: string) => readFileSync(join(EXPECTED_DIR, `${id}.out`), 'utf8');

if (!PYTHON) {
  describe('native CPython', () => {
    it.skip(
      VERSION
        ? `python3 here is ${VERSION}, the lessons need 3.11 or later: the native and reference-clock comparisons are skipped`
        : 'python3 is not installed here: the native and reference-clock comparisons are skipped',
      () => {},
    );
  });
}

describe.skipIf(!PYTHON)(`lessons on the reference virtual clock (${PYTHON})`, () => {
  const runs = new Map<string, PythonRun>();
  const ids = LESSON_IDS.filter((id) => !(id in REFERENCE_SKIP));
  beforeAll(async () => {
    const results = await Promise.all(
      ids.map((id) => runPython([VIRTUAL_CLOCK, `${id}.py`], NATIVE_TIME_LIMIT_MS)),
    );
    ids.forEach((id, i) => runs.set(id, results[i]));
  });

  for (const [id, reason] of Object.entries(REFERENCE_SKIP)) {
    it.skip(`${id} is not run on the reference virtual clock: it ${reason}`, () => {});
  }

  it.each(ids.filter((id) => id !== DEADLOCK_LESSON).map((id) => [id]))(
    '%s prints exactly its golden output, with exact virtual times, and exits cleanly',
    (id) => {
      const run = runs.get(id)!;
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(golden(id));
    },
  );

  it('15-deadlock prints its golden output and then deadlocks at t=0.250 with both tasks waiting', () => {
    const run = runs.get(DEADLOCK_LESSON)!;
    expect(run.stdout).toBe(golden(DEADLOCK_LESSON));
    expect(run.stderr).toBe('deadlock at t=0.250\n');
    expect(run.status).toBe(3);
  });
});

describe.skipIf(!PYTHON)(
  `lessons on native CPython (${PYTHON}), timings within the normaliser's slack`,
  () => {
    const runs = new Map<string, PythonRun>();
    const ids = LESSON_IDS.filter((id) => !(id in NATIVE_SKIP));
    beforeAll(async () => {
      const results = await Promise.all(
        ids.map((id) =>
          runPython(
            [`${id}.py`],
            NATIVE_TIME_LIMIT_MS,
            id === DEADLOCK_LESSON ? { afterOutput: golden(id), graceMs: DEADLOCK_GRACE_MS } : undefined,
          ),
        ),
      );
      ids.forEach((id, i) => runs.set(id, results[i]));
    }, 2 * NATIVE_TIME_LIMIT_MS);

    for (const [id, reason] of Object.entries(NATIVE_SKIP)) {
      it.skip(`${id} is not run natively: it ${reason}`, () => {});
    }

    it.each(ids.filter((id) => id !== DEADLOCK_LESSON).map((id) => [id]))(
      '%s terminates and prints its golden output, real timings aside',
      (id) => {
        const run = runs.get(id)!;
        expect(run.timedOut).toBe(false);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(
          compareTimedOutput(golden(id), run.stdout, LATE_SLACK_FOR[id] ?? LATE_SLACK, EARLY_SLACK_FOR[id]),
        ).toEqual([]);
      },
    );

    it(`15-deadlock hangs in real Python: it prints its golden output, then is still running ${DEADLOCK_GRACE_MS / 1000} s later`, () => {
      const run = runs.get(DEADLOCK_LESSON)!;
      expect(run.timedOut).toBe(true);
      expect(run.stdout).toBe(golden(DEADLOCK_LESSON));
      expect(run.stderr).toBe('');
    });
  },
);

describe('the timing normaliser', () => {
  const want = 'start\nelapsed 3.000 s\n';

  it('accepts a real run that ends a little late', () => {
    expect(compareTimedOutput(want, 'start\nelapsed 3.003 s\n', 0.25)).toEqual([]);
  });

  it('rejects a timing beyond the slack, either way', () => {
    expect(compareTimedOutput(want, 'start\nelapsed 3.400 s\n', 0.25)).toEqual([
      'line 2: time 3.400 is not within [-0.002, +0.25] s of 3.000',
    ]);
    expect(compareTimedOutput(want, 'start\nelapsed 2.990 s\n', 0.25)).toEqual([
      'line 2: time 2.990 is not within [-0.002, +0.25] s of 3.000',
    ]);
  });

  it('rejects any difference outside the timings, and a missing line', () => {
    expect(compareTimedOutput(want, 'start\nelapsed 3.000 ms\n', 0.25)).toEqual([
      'line 2: expected "elapsed 3.000 s", got "elapsed 3.000 ms"',
    ]);
    expect(compareTimedOutput(want, 'start\n', 0.25)).toEqual([
      'expected 2 lines, got 1',
      'line 2: expected "elapsed 3.000 s", got ""',
    ]);
  });

  it('treats only numbers with exactly three decimals as timings', () => {
    expect(compareTimedOutput('waiting 1 s, 0.25 s\n', 'waiting 2 s, 0.26 s\n', 5)).toHaveLength(1);
  });
});

describe('the python3 version check', () => {
  it('accepts Python 3.11 and later, and rejects older or missing ones', () => {
    expect(
      ['Python 3.11.7', 'Python 3.14.0', 'Python 4.0.1', 'Python 3.10.12', 'Python 2.7.18', null].map(
        python3CanRunLessons,
      ),
    ).toEqual([true, true, true, false, false, false]);
  });
});

// Engine goldens: each lesson run by Loopscope's engine must print exactly lessons/expected/
// NAME.out (exact virtual times) and record exactly its checked-in trace; every bookmark must
// name a step of that trace. UPDATE_GOLDEN=1 rewrites the goldens from the engine.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import type { Engine } from '../../engine/python/engine';
import { createTestEngine } from '../support/engine-snapshot';
import { findBookmarkStep } from '../../lessons/bookmarks';
import { LESSON_IDS, parseLesson } from '../../lessons/lessons';
import { EXPECTED_DIR, LESSONS_DIR } from './python';
import { formatQuestions, runQuestions } from './questionGolden';
import { placeAuthored } from '../../renderer/src/predict/authored';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Traces whose file would exceed this are checked in as a digest (lesson 14: 1,000 clients). */
const TRACE_FILE_LIMIT = 200_000;
/** Pyodide's start-up plus 19 lessons, two of them 1,000 clients: generous, never a timing test. */
const RUN_ALL_TIMEOUT_MS = 300_000;
const DEADLOCK_LESSON = '15-deadlock';
/** Runs of one lesson compared for determinism; an order that varies shows within three. */
const REPEAT_RUNS = 3;

interface TraceDigest {
  sha256: string;
  steps: number;
  events: number;
  end: Trace['end'];
}

const source = (id: string) => readFileSync(join(LESSONS_DIR, `${id}.py`), 'utf8');
const outFile = (id: string) => join(EXPECTED_DIR, `${id}.out`);
const traceFile = (id: string) => join(EXPECTED_DIR, `${id}.trace.json`);
const digestFile = (id: string) => join(EXPECTED_DIR, `${id}.trace-digest.json`);
const questionsFile = (id: string) => join(EXPECTED_DIR, `${id}.questions.txt`);

function printed(trace: Trace, stream: 'stdout' | 'stderr'): string {
  return trace.events.map((e) => (e.t === 'output' && e.stream === stream ? e.text : '')).join('');
}

/** One actor, step or event per line, so a golden's diff reads step by step. */
export function formatTrace(trace: Trace): string {
  const fields = Object.entries(trace).map(([key, value]) =>
    Array.isArray(value) && value.length > 0
      ? `  ${JSON.stringify(key)}: [\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${fields.join(',\n')}\n}\n`;
}

function digest(trace: Trace): TraceDigest {
  const sha256 = createHash('sha256').update(JSON.stringify(trace)).digest('hex');
  return { sha256, steps: trace.steps.length, events: trace.events.length, end: trace.end };
}

function writeGoldens(id: string, trace: Trace): void {
  writeFileSync(outFile(id), printed(trace, 'stdout'));
  const text = formatTrace(trace);
  rmSync(traceFile(id), { force: true });
  rmSync(digestFile(id), { force: true });
  if (text.length <= TRACE_FILE_LIMIT) writeFileSync(traceFile(id), text);
  else writeFileSync(digestFile(id), `${JSON.stringify(digest(trace), null, 2)}\n`);
  writeFileSync(
    questionsFile(id),
    formatQuestions(runQuestions(trace, parseLesson(id, source(id)).questions)),
  );
}

describe('lessons on the engine', () => {
  let engine: Engine;
  const traces = new Map<string, Trace>();

  beforeAll(async () => {
    engine = await createTestEngine();
    for (const id of LESSON_IDS) {
      const trace = await engine.run(source(id), `${id}.py`);
      traces.set(id, trace);
      if (UPDATE) writeGoldens(id, trace);
    }
  }, RUN_ALL_TIMEOUT_MS);

  it.each(LESSON_IDS.map((id) => [id]))(
    '%s prints exactly its golden output, with exact virtual times',
    (id) => {
      const trace = traces.get(id)!;
      expect(printed(trace, 'stderr')).toBe('');
      expect(printed(trace, 'stdout')).toBe(readFileSync(outFile(id), 'utf8'));
    },
  );

  it.each(LESSON_IDS.map((id) => [id]))('%s records exactly its checked-in trace (or its digest)', (id) => {
    const trace = traces.get(id)!;
    if (existsSync(traceFile(id))) {
      expect(JSON.parse(formatTrace(trace))).toEqual(JSON.parse(readFileSync(traceFile(id), 'utf8')));
    } else {
      expect(
        existsSync(digestFile(id)),
        `no golden trace for ${id}: run UPDATE_GOLDEN=1 and review the diff`,
      ).toBe(true);
      expect(digest(trace)).toEqual(JSON.parse(readFileSync(digestFile(id), 'utf8')));
    }
  });

  it.each(LESSON_IDS.filter((id) => id !== DEADLOCK_LESSON).map((id) => [id]))(
    '%s ends ok, exit code 0',
    (id) => {
      expect(traces.get(id)!.end).toMatchObject({ kind: 'ok', exitCode: 0 });
    },
  );

  it('15-deadlock ends as a deadlock at t=0.25 whose message names both waiting tasks', () => {
    const trace = traces.get(DEADLOCK_LESSON)!;
    expect(trace.end.kind).toBe('deadlock');
    expect(trace.end.message).toContain('alice');
    expect(trace.end.message).toContain('bob');
    expect(trace.steps.at(-1)!.time).toBe(0.25);
  });

  it.each(LESSON_IDS.map((id) => [id]))('every bookmark of %s names a step of its trace', (id) => {
    const trace = traces.get(id)!;
    const lesson = parseLesson(id, source(id));
    const found = lesson.bookmarks.map((b) => [b.when, findBookmarkStep(trace, b.condition) >= 0]);
    expect(found).toEqual(lesson.bookmarks.map((b) => [b.when, true]));
  });

  it.each(LESSON_IDS.map((id) => [id]))(
    'every question of %s is asked before a step of its trace (not before the start) with its right answer among the choices',
    (id) => {
      const trace = traces.get(id)!;
      const lesson = parseLesson(id, source(id));
      const asked = [...placeAuthored(trace, lesson.questions).values()];
      expect(asked.map((q) => q.prompt)).toEqual(lesson.questions.map((q) => q.prompt));
      for (const q of asked) {
        expect(q.step).toBeGreaterThanOrEqual(1);
        expect(q.step).toBeLessThan(trace.steps.length);
        expect(q.choices[q.answer]).toBeDefined();
      }
    },
  );

  it.each(LESSON_IDS.map((id) => [id]))('%s asks exactly its golden questions in predict mode', (id) => {
    const questions = runQuestions(traces.get(id)!, parseLesson(id, source(id)).questions);
    expect(formatQuestions(questions)).toBe(readFileSync(questionsFile(id), 'utf8'));
  });

  // 01: nothing left behind by the earlier runs (the deadlock's pending tasks ran last);
  // 15: a run that ends in a deadlock records its ending in the same order every time.
  it.each([['01-gather'], [DEADLOCK_LESSON]])(
    '%s run three more times, after all the others, gives a byte-identical trace each time',
    async (id) => {
      const first = JSON.stringify(traces.get(id));
      const again: string[] = [];
      for (let i = 0; i < REPEAT_RUNS; i++)
        again.push(JSON.stringify(await engine.run(source(id), `${id}.py`)));
      expect(again).toEqual(Array(REPEAT_RUNS).fill(first));
    },
  );
});

// Proven correct two ways: every corpus program runs on the engine and on the oracle
// (a stock BaseEventLoop with a virtual selector, in the same Pyodide) and both must print the same,
// virtual times included, and print the checked-in golden stdout. UPDATE_GOLDEN=1 rewrites goldens.
// The built-in lessons (lessons/*.py) are held to the oracle the same way.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRun } from './oracle/compare.ts';
import type { ProgramInput } from './oracle/native-oracle.ts';
import { createOracle, type OracleResult } from './oracle/run-oracle.ts';
import { loadSubject, type Subject, type SubjectRun } from './oracle/subject.ts';
import { loadCorpus, readGolden, UPDATE_GOLDEN, writeGolden } from './corpus/corpus.ts';

const MIN_CORPUS_SIZE = 40;
const LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

const corpus = loadCorpus();
/** The programs the virtual world runs as a real machine does (not `# virtual:` limits). */
const real = corpus.filter((program) => !program.virtual);
const lessons: (ProgramInput & { name: string })[] = readdirSync(LESSONS_DIR)
  .filter((file) => file.endsWith('.py'))
  .sort()
  .map((fileName) => ({ name: fileName, fileName, source: readFileSync(LESSONS_DIR + fileName, 'utf8') }));

// One Pyodide runs every program once on the oracle, one subject runs them all once; the groups
// below only read the results. Lessons run after the corpus, keyed apart by their .py names.
const programs = [...corpus, ...lessons];
const oracleResults = new Map<string, OracleResult>();
const subjectResults = new Map<string, SubjectRun>();
let subject: Subject | undefined;

beforeAll(async () => {
  const oracle = await createOracle();
  for (const program of programs)
    oracleResults.set(program.name, oracle.run(program.source, program.fileName));
  subject = await loadSubject('engine');
  const runs = await subject.runAll(programs);
  programs.forEach((program, i) => subjectResults.set(program.name, runs[i]));
});

afterAll(async () => {
  await subject?.close();
});

describe('the corpus on the oracle in Pyodide', () => {
  it(`holds at least ${MIN_CORPUS_SIZE} programs`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_CORPUS_SIZE);
  });

  it.each(corpus)('$name ends as its header says', (program) => {
    const result = oracleResults.get(program.name);
    expect({ exitKind: result?.exitKind, message: result?.message }).toMatchObject({
      exitKind: program.virtual?.kind ?? program.expectedExit,
    });
    if (program.virtual) expect(result?.message).toContain(program.virtual.text);
    else for (const text of program.stderrContains) expect(result?.stderr).toContain(text);
  });

  it.each(real)('$name prints its golden output', (program) => {
    const stdout = oracleResults.get(program.name)?.stdout ?? '';
    if (UPDATE_GOLDEN) writeGolden(program, stdout);
    expect(stdout).toBe(readGolden(program));
  });
});

describe('the corpus on the engine and on the oracle', () => {
  it('compared every corpus program', () => {
    expect(corpus.every((program) => subjectResults.has(program.name))).toBe(true);
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_CORPUS_SIZE);
  });

  it.each(corpus)('$name prints the same, at the same virtual times, and ends the same way', (program) => {
    const oracle = oracleResults.get(program.name)!;
    const run = subjectResults.get(program.name)!;
    // Whole structures, so a failure shows every differing field, not a truncated line.
    expect(compareRun(oracle, run, program.stderrContains)).toEqual([]);
  });

  it.each(real)('$name prints its golden output on the subject too', (program) => {
    expect(subjectResults.get(program.name)?.stdout).toBe(readGolden(program));
  });
});

describe('the built-in lessons on the engine and on the oracle', () => {
  it('found the lessons', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  it.each(lessons)(
    'lesson $name prints the same, at the same virtual times, and ends the same way',
    (lesson) => {
      expect(compareRun(oracleResults.get(lesson.name)!, subjectResults.get(lesson.name)!)).toEqual([]);
    },
  );
});

// Issue 3, "Proven correct two ways": every corpus program runs on the engine and on the oracle
// (a stock BaseEventLoop with a virtual selector, in the same Pyodide) and both must print the same,
// virtual times included, and print the checked-in golden stdout. UPDATE_GOLDEN=1 rewrites goldens.
// Until main/python/engine.ts lands, the subject is the oracle under native python3.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRun } from './oracle/compare.ts';
import { createOracle, type OracleResult } from './oracle/run-oracle.ts';
import { availableSubject, loadSubject, type Subject, type SubjectRun } from './oracle/subject.ts';
import { loadCorpus, readGolden, UPDATE_GOLDEN, writeGolden } from './corpus/corpus.ts';

const MIN_CORPUS_SIZE = 40;
const corpus = loadCorpus();
const subjectKind = availableSubject();
// One Pyodide runs the whole corpus once; both groups below read these results.
const oracleResults = new Map<string, OracleResult>();

beforeAll(async () => {
  const oracle = await createOracle();
  for (const program of corpus) oracleResults.set(program.name, oracle.run(program.source, program.fileName));
});

describe('the corpus on the oracle in Pyodide', () => {
  it(`holds at least ${MIN_CORPUS_SIZE} programs`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_CORPUS_SIZE);
  });

  it.each(corpus)('$name ends as its header says', (program) => {
    const result = oracleResults.get(program.name);
    expect({ exitKind: result?.exitKind, message: result?.message }).toMatchObject({
      exitKind: program.expectedExit,
    });
    for (const text of program.stderrContains) expect(result?.stderr).toContain(text);
  });

  it.each(corpus)('$name prints its golden output', (program) => {
    const stdout = oracleResults.get(program.name)?.stdout ?? '';
    if (UPDATE_GOLDEN) writeGolden(program, stdout);
    expect(stdout).toBe(readGolden(program));
  });
});

describe.skipIf(!subjectKind)(`the corpus on ${subjectKind ?? 'no subject'} and on the oracle`, () => {
  let subject: Subject;
  const subjectResults = new Map<string, SubjectRun>();

  beforeAll(async () => {
    subject = await loadSubject(subjectKind!);
    const runs = await subject.runAll(corpus);
    corpus.forEach((program, i) => subjectResults.set(program.name, runs[i]));
  });

  afterAll(async () => {
    await subject?.close();
  });

  it('compared every corpus program', () => {
    expect(subjectResults.size).toBe(corpus.length);
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_CORPUS_SIZE);
  });

  it.each(corpus)('$name prints the same, at the same virtual times, and ends the same way', (program) => {
    const oracle = oracleResults.get(program.name)!;
    const run = subjectResults.get(program.name)!;
    // Whole structures, so a failure shows every differing field, not a truncated line.
    expect(compareRun(oracle, run, program.stderrContains)).toEqual([]);
  });

  it.each(corpus)('$name prints its golden output on the subject too', (program) => {
    expect(subjectResults.get(program.name)?.stdout).toBe(readGolden(program));
  });
});

if (!subjectKind) {
  it.skip('corpus on the engine: skipped, neither main/python/engine.ts nor python3 is present', () => {});
}

// Generated: at least 500 seeded random asyncio programs (tasks, sleeps with equal
// deadlines, gathers, queues, locks, events, cancellations, timeouts, exceptions) print the same
// on the subject as on the oracle. One Pyodide runs them all; the seed is fixed so CI is repeatable,
// and `npx tsx tests/engine/generator/fuzz.ts --count N --seed S` explores further.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGenerated, describeFailure, generatorOptionsFor, type CheckReport } from './generator/check.ts';
import { generatePrograms } from './generator/generate.ts';
import { createOracle } from './oracle/run-oracle.ts';
import { loadSubject, type Subject } from './oracle/subject.ts';

const PROGRAM_COUNT = 500;
const BASE_SEED = 20261125;
// Show a few failing programs in full; the count says how many more there are.
const FAILURES_SHOWN = 3;

describe(`${PROGRAM_COUNT} generated programs on the engine and on the oracle`, () => {
  let subject: Subject;
  let report: CheckReport;

  beforeAll(async () => {
    const oracle = await createOracle();
    subject = await loadSubject('engine');
    const programs = generatePrograms(PROGRAM_COUNT, BASE_SEED, generatorOptionsFor(subject.pythonVersion));
    report = await checkGenerated(programs, oracle, subject);
  }, 600_000);

  afterAll(async () => {
    await subject?.close();
  });

  it(`compared all ${PROGRAM_COUNT} programs, most of which ended normally`, () => {
    expect(report.compared).toBe(PROGRAM_COUNT);
    expect(report.exitKinds.ok ?? 0).toBeGreaterThan(PROGRAM_COUNT * 0.9);
  });

  it('every generated program prints the same, at the same virtual times, and ends the same way', () => {
    const shown = report.failures.slice(0, FAILURES_SHOWN).map(describeFailure).join('\n\n');
    expect(`${report.failures.length} of ${report.compared} programs differ\n${shown}`).toBe(
      `0 of ${PROGRAM_COUNT} programs differ\n`,
    );
  });
});

// Generated: 300 seeded random asyncio programs (tasks, sleeps with equal
// deadlines, gathers, queues, locks, events, cancellations, timeouts, exceptions) and 60 with I/O
// (servers and clients on the virtual network, protocols, sock_* calls, the built-in hosts, thread
// jobs, files, latency directives) print the same on the subject as on the oracle, virtual times
// included; 20 of those in native mode (nothing timing decides in their output) also print what
// native python3 prints running them for real. One Pyodide runs them all; the seeds are fixed so
// CI is repeatable (the counts keep the whole suite inside CI's time), and
// `npm run fuzz -- --count N --seed S` explores further.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGenerated, describeFailure, generatorOptionsFor, type CheckReport } from './generator/check.ts';
import { generatePrograms } from './generator/generate.ts';
import { generateIoPrograms } from './generator/io-generate.ts';
import { checkNative, describeDifference, type NativeDifference } from './generator/native-run.ts';
import { nativePythonVersion } from './oracle/native-oracle.ts';
import { createOracle, type Oracle } from './oracle/run-oracle.ts';
import { loadSubject, type Subject } from './oracle/subject.ts';

const PROGRAM_COUNT = 300;
const BASE_SEED = 20261125;
const IO_PROGRAM_COUNT = 60;
const IO_BASE_SEED = 20261202;
/** I/O programs whose output does not depend on timing, also run for real by native python3. */
const NATIVE_IO_PROGRAM_COUNT = 20;
// Show a few failing programs in full; the count says how many more there are.
const FAILURES_SHOWN = 3;

let oracle: Oracle;
let subject: Subject;

beforeAll(async () => {
  oracle = await createOracle();
  subject = await loadSubject('engine');
}, 600_000);

afterAll(async () => {
  await subject?.close();
});

describe(`${PROGRAM_COUNT} generated programs on the engine and on the oracle`, () => {
  let report: CheckReport;

  beforeAll(async () => {
    const programs = generatePrograms(PROGRAM_COUNT, BASE_SEED, generatorOptionsFor(subject.pythonVersion));
    report = await checkGenerated(programs, oracle, subject);
  }, 600_000);

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

describe(`${IO_PROGRAM_COUNT} generated programs with I/O on the engine and on the oracle`, () => {
  let report: CheckReport;

  beforeAll(async () => {
    report = await checkGenerated(generateIoPrograms(IO_PROGRAM_COUNT, IO_BASE_SEED), oracle, subject);
  }, 600_000);

  // Each is written to end normally and quietly, as it would on a real machine: a deadlock or a
  // traceback on the oracle is the virtual world going wrong (both sides run on it).
  it(`compared all ${IO_PROGRAM_COUNT} programs, each of which ended normally and wrote no stderr`, () => {
    expect(report.compared).toBe(IO_PROGRAM_COUNT);
    expect(report.abnormal.map(({ program, ending }) => `seed ${program.seed}: ${ending}`)).toEqual([]);
    expect(report.noisy.map((program) => program.seed)).toEqual([]);
  });

  it('every generated I/O program prints the same, at the same virtual times, and ends the same way', () => {
    const shown = report.failures.slice(0, FAILURES_SHOWN).map(describeFailure).join('\n\n');
    expect(`${report.failures.length} of ${report.compared} programs differ\n${shown}`).toBe(
      `0 of ${IO_PROGRAM_COUNT} programs differ\n`,
    );
  });
});

const python = nativePythonVersion();

describe.skipIf(!python)(
  `${NATIVE_IO_PROGRAM_COUNT} generated I/O programs without timing in their output: oracle and native python ${python ?? ''}`,
  () => {
    let differences: NativeDifference[];

    beforeAll(async () => {
      differences = await checkNative(
        generateIoPrograms(NATIVE_IO_PROGRAM_COUNT, IO_BASE_SEED, { native: true }),
        oracle,
      );
    }, 600_000);

    it('every one prints on the virtual world what it prints with real sockets, threads and files', () => {
      const shown = differences.slice(0, FAILURES_SHOWN).map(describeDifference).join('\n\n');
      expect(`${differences.length} of ${NATIVE_IO_PROGRAM_COUNT} programs differ\n${shown}`).toBe(
        `0 of ${NATIVE_IO_PROGRAM_COUNT} programs differ\n`,
      );
    });
  },
);

if (!python) {
  it.skip('generated I/O programs under real CPython: skipped, python3 is not installed on this machine', () => {});
}

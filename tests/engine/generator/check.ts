// Runs generated programs on the oracle (Pyodide) and on a subject, and collects every program
// where the two disagree, with the program's source so a mismatch can be replayed by hand.

import { compareRun, describeMismatches, type Mismatch } from '../oracle/compare.ts';
import type { Oracle } from '../oracle/run-oracle.ts';
import type { Subject } from '../oracle/subject.ts';
import type { GeneratedProgram, GeneratorOptions } from './generate.ts';

export interface GeneratedMismatch {
  program: GeneratedProgram;
  mismatches: Mismatch[];
}

export interface CheckReport {
  compared: number;
  failures: GeneratedMismatch[];
  /** Exit kinds the oracle saw, e.g. { ok: 498, exception: 2 }: shows the programs did run. */
  exitKinds: Record<string, number>;
  /** Programs whose oracle run wrote to stderr (a traceback, an unretrieved exception, a warning). */
  noisy: GeneratedProgram[];
  /** Programs the oracle ended other than normally, with how (e.g. "deadlock: ..."). */
  abnormal: { program: GeneratedProgram; ending: string }[];
}

export async function checkGenerated(
  programs: GeneratedProgram[],
  oracle: Oracle,
  subject: Subject,
): Promise<CheckReport> {
  const subjectRuns = await subject.runAll(programs);
  const report: CheckReport = {
    compared: 0,
    failures: [],
    exitKinds: {},
    noisy: [],
    abnormal: [],
  };
  programs.forEach((program, i) => {
    const expected = oracle.run(program.source, program.fileName);
    report.exitKinds[expected.exitKind] = (report.exitKinds[expected.exitKind] ?? 0) + 1;
    if (expected.stderr !== '') report.noisy.push(program);
    if (expected.exitKind !== 'ok')
      report.abnormal.push({ program, ending: `${expected.exitKind}: ${expected.message}` });
    const mismatches = compareRun(expected, subjectRuns[i]);
    if (mismatches.length > 0) report.failures.push({ program, mismatches });
    report.compared++;
  });
  return report;
}

export function describeFailure({ program, mismatches }: GeneratedMismatch): string {
  return `${describeMismatches(program.fileName, mismatches)}\n--- ${program.fileName}\n${program.source}`;
}

/** Leaves out what the subject's Python version changes (see GeneratorOptions). */
export function generatorOptionsFor(pythonVersion: string): GeneratorOptions {
  const [major, minor] = pythonVersion.split('.').map(Number);
  const atLeast = (wanted: number) => major > 3 || (major === 3 && minor >= wanted);
  return { waitFor: atLeast(12), taskNames: atLeast(14), conditions: atLeast(14) };
}

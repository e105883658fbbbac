// What the differential tests hold against the oracle in Pyodide: the engine, imported as a
// module so a missing or broken engine fails the suites instead of skipping them. The fuzzer can
// also hold the oracle under native python3 against it (LOOPSCOPE_SUBJECT=native).

import type { Trace } from '../../../common/trace.ts';
import { createTestEngine } from '../../support/engine-snapshot.ts';
import { nativePythonVersion, runNativeOracle, type ProgramInput } from './native-oracle.ts';

/** The engine runs the same Pyodide as the oracle (npm pyodide 314.0.7). */
const ENGINE_PYTHON = '3.14';

export interface SubjectRun {
  stdout: string;
  stderr: string;
  exitKind: string;
  message: string;
}

export interface Subject {
  kind: 'engine' | 'native';
  /** Said in test names and reports: what ran the programs. */
  description: string;
  /** The Python the subject runs, "3.14.2" or "3.11.7": generated programs avoid what differs. */
  pythonVersion: string;
  runAll(programs: ProgramInput[]): Promise<SubjectRun[]>;
  close(): Promise<void>;
}

export type SubjectKind = Subject['kind'];

/** The engine, unless LOOPSCOPE_SUBJECT=native asks for the oracle under native python3. */
export function chosenSubject(): SubjectKind {
  return process.env.LOOPSCOPE_SUBJECT === 'native' ? 'native' : 'engine';
}

/** The Python a subject of this kind runs, known without loading it. */
export function subjectPythonVersion(kind: SubjectKind): string {
  return kind === 'engine' ? ENGINE_PYTHON : (nativePythonVersion() ?? '');
}

export async function loadSubject(kind: SubjectKind): Promise<Subject> {
  return kind === 'engine' ? loadEngineSubject() : nativeSubject();
}

function nativeSubject(): Subject {
  return {
    kind: 'native',
    description: `the oracle under native python ${nativePythonVersion() ?? '(missing)'}`,
    pythonVersion: subjectPythonVersion('native'),
    async runAll(programs) {
      return runNativeOracle(programs);
    },
    async close() {},
  };
}

async function loadEngineSubject(): Promise<Subject> {
  const engine = await createTestEngine();
  return {
    kind: 'engine',
    description: 'the engine',
    pythonVersion: ENGINE_PYTHON,
    async runAll(programs) {
      const runs: SubjectRun[] = [];
      for (const program of programs) {
        const options = program.seed === undefined ? undefined : { seed: program.seed };
        runs.push(fromTrace(await engine.run(program.source, program.fileName, options)));
      }
      return runs;
    },
    async close() {},
  };
}

export function fromTrace(trace: Trace): SubjectRun {
  let stdout = '';
  let stderr = '';
  for (const event of trace.events) {
    if (event.t !== 'output') continue;
    if (event.stream === 'stdout') stdout += event.text;
    else stderr += event.text;
  }
  return { stdout, stderr, exitKind: trace.end.kind, message: trace.end.message };
}

// What the differential tests hold against the oracle in Pyodide: the engine as soon as
// engine/python/engine.ts exists, until then the same oracle loop under native python3, so the
// harness is proven before the engine lands. LOOPSCOPE_SUBJECT=engine|native forces one.

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunOptions, Trace } from '../../../common/trace.ts';
import { nativePythonVersion, runNativeOracle, type ProgramInput } from './native-oracle.ts';

/** The engine runs the same Pyodide as the oracle (npm pyodide 314.0.7). */
const ENGINE_PYTHON = '3.14';

export const ENGINE_PATH = fileURLToPath(new URL('../../../engine/python/engine.ts', import.meta.url));

/** The engine API announced in issue 3; declared here so this file compiles before it lands. */
interface EngineLike {
  run(source: string, fileName: string, options?: Partial<RunOptions>): Promise<Trace>;
  close?(): void | Promise<void>;
  dispose?(): void | Promise<void>;
}

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

/** Which subject the tests will use, decided without loading anything; undefined: none here. */
export function availableSubject(): SubjectKind | undefined {
  const forced = process.env.LOOPSCOPE_SUBJECT;
  if (forced === 'engine' || forced === 'native') return forced;
  if (existsSync(ENGINE_PATH)) return 'engine';
  return nativePythonVersion() ? 'native' : undefined;
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
  const module = (await import(/* @vite-ignore */ pathToFileURL(ENGINE_PATH).href)) as {
    createEngine: () => Promise<EngineLike>;
  };
  const engine = await module.createEngine();
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
    async close() {
      await (engine.close ?? engine.dispose)?.call(engine);
    },
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

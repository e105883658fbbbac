// Runs programs on the oracle loop under the machine's own python3 (native CPython), all in one
// process through `oracle_main.py --batch`, for the native test and, until the engine lands, as the
// second side of the differential tests.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OracleResult } from './run-oracle.ts';

export const ORACLE_MAIN = fileURLToPath(new URL('./oracle_main.py', import.meta.url));
const PYTHON = 'python3';
// Generated batches print a few hundred kilobytes; leave room for a corpus of 1,000-task programs.
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export interface ProgramInput {
  source: string;
  fileName: string;
  seed?: number;
}

/** "3.11.7" when python3 runs here, otherwise undefined. */
export function nativePythonVersion(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

export function runNativeOracle(programs: ProgramInput[]): OracleResult[] {
  const run = spawnSync(PYTHON, [ORACLE_MAIN, '--batch'], {
    input: JSON.stringify(programs),
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
  });
  if (run.status !== 0) {
    throw new Error(`python3 oracle_main.py --batch failed (${run.status ?? run.signal}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as OracleResult[];
}

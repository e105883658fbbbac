// Generated I/O programs in native mode (io-generate.ts) run for real by the machine's python3:
// real loopback sockets, threads and files in a fresh temporary working directory, and their
// stdout compared with the oracle's on the virtual world. Their output does not depend on timing,
// so a difference is the virtual world printing what CPython does not.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOracle, type Oracle } from '../oracle/run-oracle.ts';
import type { GeneratedProgram } from './generate.ts';
import { generateIoPrograms } from './io-generate.ts';

/** One program's wall-clock limit: a program sleeps a few seconds at most. */
const RUN_TIMEOUT_MS = 60_000;
/** Programs run at once: they mostly sleep. */
const PARALLEL = 4;

export interface NativeDifference {
  program: GeneratedProgram;
  oracle: string;
  native: string;
  stderr: string;
}

function runNative(program: GeneratedProgram): Promise<{ stdout: string; stderr: string }> {
  // The program's file outside its working directory, which it lists.
  const home = mkdtempSync(join(tmpdir(), 'loopscope-generated-'));
  const cwd = join(home, 'cwd');
  mkdirSync(cwd);
  const file = join(home, program.fileName);
  writeFileSync(file, program.source);
  return new Promise((resolve) => {
    execFile(
      'python3',
      [file],
      {
        cwd,
        encoding: 'utf8',
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      },
      (error, stdout, stderr) => {
        rmSync(home, { recursive: true, force: true });
        resolve({ stdout, stderr: error ? `${stderr}\n${error.message}` : stderr });
      },
    );
  });
}

/** The programs whose native stdout differs from the oracle's. */
export async function checkNative(programs: GeneratedProgram[], oracle: Oracle): Promise<NativeDifference[]> {
  const differences: NativeDifference[] = [];
  for (let start = 0; start < programs.length; start += PARALLEL) {
    const batch = programs.slice(start, start + PARALLEL);
    const natives = await Promise.all(batch.map(runNative));
    batch.forEach((program, i) => {
      const expected = oracle.run(program.source, program.fileName).stdout;
      if (natives[i].stdout !== expected)
        differences.push({ program, oracle: expected, native: natives[i].stdout, stderr: natives[i].stderr });
    });
  }
  return differences;
}

export function describeDifference({ program, oracle, native, stderr }: NativeDifference): string {
  const a = oracle.split('\n');
  const b = native.split('\n');
  let line = 0;
  while (line < a.length && a[line] === b[line]) line++;
  return (
    `${program.fileName}: stdout line ${line + 1}: oracle ${JSON.stringify(a[line] ?? '<end>')}, ` +
    `native ${JSON.stringify(b[line] ?? '<end>')}\n--- stderr\n${stderr}\n--- ${program.fileName}\n${program.source}`
  );
}

/** fuzz.ts --kind real: N native-mode programs; prints each difference; exit status 1 if any. */
export async function fuzzReal(count: number, seed: number): Promise<number> {
  const started = Date.now();
  const oracle = await createOracle();
  const programs = generateIoPrograms(count, seed, { native: true });
  const differences = await checkNative(programs, oracle);
  for (const difference of differences)
    console.log(`NATIVE DIFFERS (seed ${difference.program.seed})\n${describeDifference(difference)}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${count} I/O programs in native mode (base seed ${seed}), oracle vs native python3: ` +
      `${count - differences.length} match, ${differences.length} differ, in ${seconds} s`,
  );
  return differences.length === 0 ? 0 : 1;
}

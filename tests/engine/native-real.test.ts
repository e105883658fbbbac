// Real CPython: every corpus program marked `# native: real` runs under the machine's
// own python3 for real (no oracle, no virtual clock: real loopback sockets, real threads, real
// files in a fresh temporary working directory) and must print its golden stdout exactly. Those
// goldens are what the engine and the oracle must print too (differential.test.ts), so a program
// here proves that the virtual network, threads and files print what CPython prints. Each run is
// bounded by a timeout and stays on 127.0.0.1 (or a UNIX socket in a temporary directory).

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadCorpus, readGolden, type CorpusProgram } from './corpus/corpus.ts';
import { nativePythonVersion } from './oracle/native-oracle.ts';

const PYTHON = 'python3';
/** One program's wall-clock limit; the slowest (16 MB through a slow reader, 200 clients) take ~1 s. */
const RUN_TIMEOUT_MS = 60_000;
/** The I/O corpus (58-91) has at least this many programs that real CPython runs for real. */
const MIN_NATIVE_REAL = 30;

/** How a native run must end for each header `# exit:` kind; other kinds cannot happen for real. */
const EXIT_STATUS: Record<string, (status: number) => boolean> = {
  ok: (status) => status === 0,
  exception: (status) => status === 1,
};

interface NativeRun {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: string | null;
  timedOut: boolean;
}

function runReal(program: CorpusProgram): Promise<NativeRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'loopscope-native-real-'));
  return new Promise((resolve) => {
    execFile(
      PYTHON,
      [join(CORPUS_DIR, program.fileName)],
      {
        cwd,
        encoding: 'utf8',
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      },
      (error, stdout, stderr) => {
        rmSync(cwd, { recursive: true, force: true });
        const failure = error as
          (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
        resolve({
          stdout,
          stderr,
          status: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          timedOut: failure?.killed === true && failure.signal === 'SIGKILL',
        });
      },
    );
  });
}

const version = nativePythonVersion();
const programs = loadCorpus().filter((program) => program.nativeReal);

describe.skipIf(!version)(`the corpus run for real by native python ${version ?? ''}`, () => {
  it(`marks at least ${MIN_NATIVE_REAL} programs "# native: real", each with a golden`, () => {
    expect(programs.length).toBeGreaterThanOrEqual(MIN_NATIVE_REAL);
    expect(programs.filter((program) => readGolden(program) === undefined).map((p) => p.name)).toEqual([]);
    expect(programs.filter((program) => !(program.expectedExit in EXIT_STATUS)).map((p) => p.name)).toEqual(
      [],
    );
  });

  it.each(programs)(
    '$name prints its golden output with real sockets, threads and files',
    async (program) => {
      const run = await runReal(program);
      expect(run.timedOut, `${program.name} ran past ${RUN_TIMEOUT_MS} ms`).toBe(false);
      expect(run.stdout).toBe(readGolden(program));
      const status = run.status ?? -1;
      expect(
        EXIT_STATUS[program.expectedExit]?.(status) ?? false,
        `exit status ${status} (${run.signal ?? 'no signal'}) for "# exit: ${program.expectedExit}"; stderr:\n${run.stderr}`,
      ).toBe(true);
      for (const text of program.stderrContains) expect(run.stderr).toContain(text);
    },
    RUN_TIMEOUT_MS + 10_000,
  );
});

if (!version) {
  it.skip('the corpus under real CPython: skipped, python3 is not installed on this machine', () => {});
}

// Runs lessons with the machine's python3 (natively, or under the reference virtual clock in
// virtual_clock.py) and compares timed output with a golden. Node-only test helper.

import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));
export const EXPECTED_DIR = fileURLToPath(new URL('../../lessons/expected/', import.meta.url));
export const VIRTUAL_CLOCK = fileURLToPath(new URL('./virtual_clock.py', import.meta.url));

/** The lessons use TaskGroup, except* and asyncio.timeout: Python 3.11 or later. */
const MIN_PYTHON: [number, number] = [3, 11];

/** The python3 version string ("Python 3.11.7"), or null when no python3 can be started. */
export function python3Version(): string | null {
  const result = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.trim();
}

/** Whether that python3 can run the lessons at all. */
export function python3CanRunLessons(version: string | null): boolean {
  const match = /Python (\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

export interface PythonRun {
  stdout: string;
  stderr: string;
  /** Exit status, or null when the run was still going at the time limit and was stopped. */
  status: number | null;
  timedOut: boolean;
}

export interface HangCheck {
  /** Once stdout equals this... */
  afterOutput: string;
  /** ...the run is stopped this long later, and counts as hung if it is still going. */
  graceMs: number;
}

/**
 * Runs `python3 ...args` in lessons/, unbuffered (so a stopped run keeps what it printed).
 * Stopped at `timeoutMs`, or `hang.graceMs` after printing `hang.afterOutput`: a slow start on
 * a busy machine then cannot pass for a hang, nor a hang for a slow start.
 */
export function runPython(args: string[], timeoutMs: number, hang?: HangCheck): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, {
      cwd: LESSONS_DIR,
      env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const stop = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (hang && stdout === hang.afterOutput && !graceTimer) graceTimer = setTimeout(stop, hang.graceMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(stop, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      resolve({ stdout, stderr, status: timedOut ? null : status, timedOut });
    });
  });
}

/** A number with exactly three decimals: the lessons print times, and only times, this way. */
const TIMING = /\d+\.\d{3}(?!\d)/g;
/** A real run may round a timing a hair below the virtual value; it never ends earlier than that. */
const EARLY_SLACK = 0.002;

/**
 * The timing normaliser. Compares a real run's output with the virtual-clock golden line by
 * line: text outside timings must be equal; each timing must lie in
 * [golden - earlySlack, golden + lateSlack], since real sleeps end a little late (earlySlack is
 * EARLY_SLACK unless a lesson's directive makes its virtual network slower than a real one).
 * Returns the mismatches, one sentence each; empty means the outputs agree.
 */
export function compareTimedOutput(
  golden: string,
  actual: string,
  lateSlack: number,
  earlySlack: number = EARLY_SLACK,
): string[] {
  const want = golden.split('\n');
  const got = actual.split('\n');
  const problems: string[] = [];
  if (want.length !== got.length) {
    problems.push(`expected ${want.length - 1} lines, got ${got.length - 1}`);
  }
  for (let i = 0; i < Math.min(want.length, got.length); i++) {
    if (want[i].replace(TIMING, '#') !== got[i].replace(TIMING, '#')) {
      problems.push(`line ${i + 1}: expected "${want[i]}", got "${got[i]}"`);
      continue;
    }
    const wantTimes = want[i].match(TIMING) ?? [];
    const gotTimes = got[i].match(TIMING) ?? [];
    wantTimes.forEach((w, k) => {
      const delta = Number(gotTimes[k]) - Number(w);
      if (delta < -earlySlack || delta > lateSlack) {
        problems.push(
          `line ${i + 1}: time ${gotTimes[k]} is not within [-${earlySlack}, +${lateSlack}] s of ${w}`,
        );
      }
    });
  }
  return problems;
}

// Runs programs on the oracle loop (oracle_*.py) inside Pyodide, the same build the engine uses.
// One instance runs many programs: oracle_run.py restores the interpreter after each, and a fresh
// Pyodide costs ~3 s, which 500 generated programs cannot pay each.

import { readdirSync, readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';

export type OracleExitKind =
  'ok' | 'exception' | 'syntaxError' | 'deadlock' | 'exit' | 'capSteps' | 'capTime';

export interface OracleResult {
  stdout: string;
  stderr: string;
  exitKind: OracleExitKind;
  exitCode: number;
  /** One line for people: the exception, the exit code, or who was pending at a deadlock. */
  message: string;
}

export interface OracleRunOptions {
  seed: number;
}

export interface Oracle {
  run(source: string, fileName: string, options?: Partial<OracleRunOptions>): OracleResult;
}

const ORACLE_MODULES = [
  'oracle_halt.py',
  'oracle_clock.py',
  'oracle_world.py',
  'oracle_loop.py',
  'oracle_run.py',
];
const ORACLE_DIR_IN_PYODIDE = '/loopscope_oracle';
/** The engine's virtual world (network, threads, files), pure Python: the oracle runs on it too. */
const WORLD_DIR = new URL('../../../engine/python/world/', import.meta.url);
/** The run's disk, fresh for every program as on the engine (engine/python/engine.ts). */
const DISK_DIRS = ['/home/pyodide', '/tmp'];

export async function createOracle(): Promise<Oracle> {
  const pyodide = await loadPyodide();
  pyodide.FS.mkdirTree(ORACLE_DIR_IN_PYODIDE);
  for (const name of ORACLE_MODULES) {
    const text = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
    pyodide.FS.writeFile(`${ORACLE_DIR_IN_PYODIDE}/${name}`, text);
  }
  pyodide.FS.mkdirTree(`${ORACLE_DIR_IN_PYODIDE}/loopscope_world`);
  for (const name of readdirSync(WORLD_DIR).filter((n) => n.endsWith('.py')))
    pyodide.FS.writeFile(
      `${ORACLE_DIR_IN_PYODIDE}/loopscope_world/${name}`,
      readFileSync(new URL(name, WORLD_DIR), 'utf8'),
    );
  const fs = pyodide.FS;
  const baseStreams = new Set<number>();
  (fs.streams as unknown[]).forEach((s, fd) => {
    if (s) baseStreams.add(fd);
  });
  const runJson = pyodide.runPython(`
import json, sys
sys.path.insert(0, ${JSON.stringify(ORACLE_DIR_IN_PYODIDE)})
from oracle_run import run_captured
def _loopscope_oracle_run(source, file_name, seed):
    return json.dumps(run_captured(source, file_name, seed))
_loopscope_oracle_run
`) as (source: string, fileName: string, seed: number) => string;
  return {
    run(source, fileName, options = {}) {
      for (const dir of DISK_DIRS) fs.mount(fs.filesystems.MEMFS, {}, dir);
      fs.chdir(DISK_DIRS[0]);
      try {
        return JSON.parse(runJson(source, fileName, options.seed ?? 0)) as OracleResult;
      } finally {
        (fs.streams as unknown[]).forEach((s, fd) => {
          if (s && !baseStreams.has(fd)) fs.close(s as never);
        });
        fs.chdir('/');
        for (const dir of DISK_DIRS) fs.unmount(dir);
        fs.chdir(DISK_DIRS[0]);
      }
    },
  };
}

/** One program on a fresh oracle; for many programs keep one `createOracle()`. */
export async function runOracle(
  source: string,
  fileName: string,
  options?: Partial<OracleRunOptions>,
): Promise<OracleResult> {
  return (await createOracle()).run(source, fileName, options);
}

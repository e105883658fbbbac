// Which Chromium renderer process shows the engine page, found as main finds it in the app
// (webContents.getOSProcessId): here, from /proc, the one process launched under this test
// process (the browser, its zygote, its renderers) that runs a dedicated worker thread and no
// earlier window has claimed. Linux only, as the tests' Chromium is; other helpers' browsers
// on the same machine are not under this process, so they are never taken.
import { readdirSync, readFileSync } from 'node:fs';

const claimed = new Set<number>();

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

function underThisProcess(pid: number): boolean {
  for (let p = parentOf(pid), depth = 0; p > 1 && depth < 6; p = parentOf(p), depth++)
    if (p === process.pid) return true;
  return false;
}

function runsAWorker(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((t) => {
      try {
        return readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').startsWith('DedicatedWorker');
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** The engine page's renderer pid, once exactly one unclaimed candidate runs a worker. */
export function claimRendererPid(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  const candidates = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => !claimed.has(pid) && underThisProcess(pid) && runsAWorker(pid));
  if (candidates.length !== 1) return undefined;
  claimed.add(candidates[0]);
  return candidates[0];
}

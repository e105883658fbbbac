// Memory and CPU time of an engine process, read from outside it (the process runs untrusted
// code, so nothing it reports about itself counts). Linux: /proc/PID/status (VmRSS) and
// /proc/PID/stat (utime + stime), cheap enough to read every watchdog tick. macOS and the BSDs:
// `ps -o rss=,cputime=`, run asynchronously and cached (at most one in flight per pid). Windows:
// not watched (null); the V8 heap cap (--max-old-space-size) and the wasm heap's 4 GB still hold.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessUsage {
  /** Resident memory, in MB. */
  rssMb: number;
  /** CPU time used so far (user + system), in ms. */
  cpuMs: number;
}

const CLOCK_TICKS_PER_S = 100; // USER_HZ on every Linux the app runs on

function fromProc(pid: number): ProcessUsage | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+)\s*kB/.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces), from ") ": state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return { rssMb: rss ? Number(rss[1]) / 1024 : 0, cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_S };
  } catch {
    return null;
  }
}

const psCache = new Map<number, { usage: ProcessUsage | null; pending: boolean }>();

function parseCpuTime(text: string): number {
  // [[dd-]hh:]mm:ss[.cc]
  const [days, rest] = text.includes('-') ? text.split('-') : ['0', text];
  const parts = rest.split(':').map(Number);
  let s = 0;
  for (const p of parts) s = s * 60 + p;
  return (Number(days) * 86400 + s) * 1000;
}

function fromPs(pid: number): ProcessUsage | null {
  let entry = psCache.get(pid);
  if (!entry) psCache.set(pid, (entry = { usage: null, pending: false }));
  if (!entry.pending) {
    entry.pending = true;
    const e = entry;
    execFile('ps', ['-o', 'rss=,cputime=', '-p', String(pid)], { timeout: 5000 }, (err, out) => {
      e.pending = false;
      const m = /^\s*(\d+)\s+(\S+)/.exec(out ?? '');
      e.usage = err || !m ? null : { rssMb: Number(m[1]) / 1024, cpuMs: parseCpuTime(m[2]) };
    });
  }
  return entry.usage;
}

/** What a process uses now, or null where it cannot be read (gone, or Windows). */
export function processUsage(pid: number | undefined): ProcessUsage | null {
  if (!pid) return null;
  if (process.platform === 'linux') return fromProc(pid);
  if (process.platform === 'win32') return null;
  return fromPs(pid);
}

/** Forget a pid's cached `ps` answer (the process is gone). */
export function forgetUsage(pid: number | undefined): void {
  if (pid) psCache.delete(pid);
}

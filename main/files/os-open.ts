// Files handed to Loopscope by the operating system: named on the command line (Linux and
// Windows file associations start `loopscope FILE`), passed by a second launch while one is
// running (single-instance lock: the second process forwards its files and quits), or sent by
// macOS Finder as `open-file` events, which can arrive before the app is ready.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file arguments of a command line. A packaged app's argv is [exe, ...args]; a development
 * run is [electron, appPath, ...args]. Switches (Chromium's and ours) are skipped, anything
 * after `--` is taken literally, file:// URLs become paths and other URLs are ignored.
 */
export function filesFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  const files: string[] = [];
  let literal = false;
  for (const arg of args) {
    if (!literal && arg === '--') {
      literal = true;
      continue;
    }
    if (!literal && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
    // Linux desktop entries pass %U: file:// URLs.
    if (arg.startsWith('file://')) {
      try {
        files.push(fileURLToPath(arg));
      } catch {
        // Not a local file URL: ignored.
      }
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue;
    files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return files;
}

/** What a second instance sends to the first through requestSingleInstanceLock's additionalData. */
export interface SecondInstanceData {
  files: string[];
}

export function filesFromSecondInstance(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as SecondInstanceData).files))
    return null;
  return (data as SecondInstanceData).files
    .filter((f): f is string => typeof f === 'string' && isAbsolute(f))
    .slice(0, 20);
}

// FileSystemPort over Node's fs: used by the app and, with a temp directory, by the tests.
// Watching polls (fs.watchFile) because editors save by renaming a new file over the old one,
// which silently ends an inode-based fs.watch on Linux.
import { randomBytes } from 'node:crypto';
import { promises as fsp, unwatchFile, watchFile, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileSystemPort } from './ports';

/** How often a watched file is polled; a reload offer within about a second is soon enough. */
const WATCH_INTERVAL_MS = 1000;

export function createNodeFileSystem(watchIntervalMs = WATCH_INTERVAL_MS): FileSystemPort {
  return {
    async stat(path) {
      const s = await fsp.stat(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
    },
    async readFile(path) {
      return new Uint8Array(await fsp.readFile(path));
    },
    async writeFile(path, data) {
      await fsp.writeFile(path, data);
    },
    async writeFileAtomic(path, data) {
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await fsp.writeFile(temp, data);
        await fsp.rename(temp, path);
      } catch (error) {
        await fsp.rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
    },
    async remove(path) {
      await fsp.rm(path, { force: true });
    },
    async mkdirp(path) {
      await fsp.mkdir(path, { recursive: true });
    },
    watch(path, onChange) {
      const listener = (current: Stats, previous: Stats): void => {
        if (
          current.mtimeMs !== previous.mtimeMs ||
          current.size !== previous.size ||
          current.ino !== previous.ino
        )
          onChange();
      };
      watchFile(path, { interval: watchIntervalMs, persistent: false }, listener);
      return () => unwatchFile(path, listener);
    },
  };
}

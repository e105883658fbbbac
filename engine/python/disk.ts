// One run's disk in Pyodide's file system (engine/python/world/files.py models its latency).

/**
 * The run's disk (engine/python/world/files.py): an empty in-memory file system on the program's
 * working directory and on /tmp for every run, dropped after it with every file the program left
 * open, so nothing one run writes is seen by the next (Pyodide's own MEMFS outlives the heap
 * restore: a statistics.py written by one program shadowed `import statistics` in the next).
 */
const DISK_DIRS = ['/home/pyodide', '/tmp'];
const HOME = DISK_DIRS[0];

export interface EmFS {
  mount(type: unknown, opts: object, mountpoint: string): unknown;
  unmount(mountpoint: string): void;
  chdir(path: string): void;
  close(stream: unknown): void;
  streams: unknown[];
  filesystems: { MEMFS: unknown };
}

export function openStreams(fs: EmFS): Set<number> {
  const open = new Set<number>();
  fs.streams.forEach((s, fd) => {
    if (s) open.add(fd);
  });
  return open;
}

export function mountDisk(fs: EmFS): void {
  for (const dir of DISK_DIRS) fs.mount(fs.filesystems.MEMFS, {}, dir);
  fs.chdir(HOME);
}

export function unmountDisk(fs: EmFS, keep: Set<number>): void {
  fs.streams.forEach((s, fd) => {
    if (s && !keep.has(fd)) fs.close(s);
  });
  fs.chdir('/');
  for (const dir of DISK_DIRS) fs.unmount(dir);
  fs.chdir(HOME);
}

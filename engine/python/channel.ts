// The run's channel (engine/python/channel.py): a character device in Pyodide's file system
// whose write handler is JavaScript. Python appends its ops to the op buffer and writes a
// command; the handler has the run's host apply the ops and do the command, and the write's
// return value is the answer. So Python never holds a JavaScript object: a program that walks
// every object Python has (gc, frames, closures) finds an int, not a proxy whose prototypes lead
// to the engine (and from there to Pyodide's internal API).
//
// The handler runs inside os.write, which released the GIL (Py_BEGIN_ALLOW_THREADS): it takes
// it back (PyGILState_Ensure, CPython's way for a C callback on a thread without it) before the
// host calls into Python (run_batch, select_io, ...) and lets it go again before returning.
// Nothing thrown may cross the C frames below, so every failure becomes an errno (EIO), which
// Python sees as OSError, and the host keeps the reason for the run's end.

/** Commands: the first byte of a write; must match engine/python/channel.py. */
export const enum Command {
  FLUSH = 1,
  LOOP,
  ONCE,
  FOREVER,
  INTERRUPTED,
}

/** Who answers the channel during a run (RunHost). */
export interface ChannelTarget {
  /** Does `command` (`arg`: the little-endian u32 after it, -1 if none); throws to fail the run. */
  command(command: number, arg: number): number;
}

interface DeviceNode {
  mode: number;
}
interface Stream {
  fd: number;
}
/** The part of Emscripten's FS the channel uses. */
export interface DeviceFS {
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: object): void;
  mkdev(path: string, mode: number, dev: number): DeviceNode;
  mkdirTree(path: string): void;
  analyzePath(path: string): { exists: boolean };
  unlink(path: string): void;
  open(path: string, flags: string): Stream;
  close(stream: Stream): void;
  streams: (Stream | null | undefined)[];
  ErrnoError: new (errno: number) => Error;
}

/** CPython's thread-state calls, as Pyodide's module exports them. */
export interface Gil {
  _PyGILState_Ensure(): number;
  _PyGILState_Release(state: number): void;
}

const DIR = '/dev';
const PATH = `${DIR}/loopscope`;
/** Linux's first major number for local use: Emscripten's own devices are 1, 5, 6 and 64 up. */
const MAJOR = 240;
const EBADF = 8;
const EIO = 29;

export class Channel {
  private target: ChannelTarget | null = null;
  private stream: Stream | null = null;
  private readonly dev: number;

  constructor(
    private readonly fs: DeviceFS,
    gil: Gil,
  ) {
    this.dev = fs.makedev(MAJOR, 0);
    fs.registerDevice(this.dev, {
      write: (_stream: unknown, buffer: Int8Array, offset: number, length: number): number => {
        const target = this.target;
        if (target === null) throw new fs.ErrnoError(EBADF);
        let arg = -1;
        if (length >= 5)
          arg =
            ((buffer[offset + 1] & 255) |
              ((buffer[offset + 2] & 255) << 8) |
              ((buffer[offset + 3] & 255) << 16) |
              ((buffer[offset + 4] & 255) << 24)) >>>
            0;
        const state = gil._PyGILState_Ensure();
        try {
          return target.command(length > 0 ? buffer[offset] & 255 : 0, arg);
        } catch {
          throw new fs.ErrnoError(EIO);
        } finally {
          gil._PyGILState_Release(state);
        }
      },
    });
  }

  /**
   * Opens the channel for one run and returns its file descriptor. The device's name goes
   * once it is open: no program finds it by path, and no program can leave a file in its place.
   */
  open(target: ChannelTarget): number {
    const fs = this.fs;
    fs.mkdirTree(DIR);
    if (fs.analyzePath(PATH).exists) fs.unlink(PATH);
    fs.mkdev(PATH, 0o200, this.dev);
    this.stream = fs.open(PATH, 'w');
    fs.unlink(PATH);
    this.target = target;
    return this.stream.fd;
  }

  /**
   * After the run: nothing the program kept (a copy of the descriptor) answers any more.
   * Returns false if the program closed the channel or put another file in its place.
   */
  close(): boolean {
    this.target = null;
    const stream = this.stream;
    this.stream = null;
    if (!stream || this.fs.streams[stream.fd] !== stream) return false;
    this.fs.close(stream);
    return true;
  }
}

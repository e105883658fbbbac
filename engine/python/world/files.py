"""Files on the virtual clock (README.md, "Files").

Each run has a fresh in-memory file system: the host (engine.ts, run-oracle.ts) mounts an empty
MEMFS on the program's working directory and on /tmp before the run and drops both after it, so
nothing a run writes is seen by the next, and the host machine's files are never there. Those two
trees are the run's disk. Every operation the program makes on the disk (open, a read or a write
that reaches the file, stat, listdir, scandir, mkdir, rmdir, remove, rename, truncate) costs a
fixed disk latency, spent through world.block by the thread that makes it: a blocking read in a
coroutine stalls the loop (a BLOCK step), the same read through asyncio.to_thread spends a
worker's time. Python's own files (the standard library under /lib) are read-only and free, so
imports never pay. Writes outside the disk are refused (a read-only file system), and the bytes
a run may write are capped (--max-file-bytes).

The latency is set per program by a comment directive that real CPython ignores:
    # loopscope: disk-latency=0.01
"""

import builtins
import _io
import io
import math
import os
import re
import sys

DEFAULT_DISK_LATENCY = 0.005
DIRECTIVE_KEY = 'disk-latency'
MAX_DISK_LATENCY = 60.0
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
# The run's disk: the working directory the hosts mount fresh, and /tmp.
HOME = '/home/pyodide'
DISK_ROOTS = (HOME, '/tmp')
_WRITABLE_DEVICES = ('/dev/null',)

_DIRECTIVE = re.compile(r'^\s*#\s*loopscope:\s*(.*)$')
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

_real = {}
_active = None


class DirectiveError(Exception):
    def __init__(self, line, message):
        super().__init__(f'line {line}: {message}')
        self.line = line


def disk_latency(source):
    """The program's disk latency from its `# loopscope: disk-latency=SECONDS` comment (other
    keys belong to other parts of the world and are left alone). Raises DirectiveError."""
    latency = DEFAULT_DISK_LATENCY
    for n, text in enumerate(source.splitlines(), 1):
        m = _DIRECTIVE.match(text)
        if not m:
            continue
        for item in re.split(r'[,\s]+', m.group(1).strip()):
            key, eq, value = item.partition('=')
            if key != DIRECTIVE_KEY:
                continue
            try:
                latency = float(value) if eq else math.nan
            except ValueError:
                latency = math.nan
            if not (0 <= latency <= MAX_DISK_LATENCY):
                raise DirectiveError(n, f'# loopscope: {DIRECTIVE_KEY} wants seconds between 0 and '
                                     f'{MAX_DISK_LATENCY:g} (for example {DIRECTIVE_KEY}=0.005), '
                                     f'not {value!r}')
    return latency


class Disk:
    """One run's disk: its latency, its open descriptors, and the bytes written so far.
    fail(kind, message, option) ends the run (it raises)."""

    def __init__(self, world, fail, latency=DEFAULT_DISK_LATENCY, max_bytes=DEFAULT_MAX_FILE_BYTES):
        self.world = world
        self.fail = fail
        self.latency = latency
        self.max_bytes = max_bytes
        self.written = 0
        self.fds = set()
        self.saved = None

    def on_disk(self, path):
        if isinstance(path, int):
            return path in self.fds
        try:
            p = _real['fspath'](path)
        except TypeError:
            return False
        if isinstance(p, bytes):
            p = p.decode('utf-8', 'surrogateescape')
        p = _real['normpath'](_real['join'](_real['getcwd'](), p))
        return any(p == r or p.startswith(r + '/') for r in DISK_ROOTS)

    def spend(self):
        if self.latency > 0:
            self.world.block(self.latency)

    def grow(self, end, n):
        """A write of n bytes reaching offset `end`: within the cap, or the run ends."""
        self.written += n
        if self.written > self.max_bytes or end > self.max_bytes:
            self.fail('capFiles', f'file cap reached: more than {self.max_bytes:,} bytes written to '
                      'files (raise it with --max-file-bytes)', '--max-file-bytes')


class DiskFileIO(io.FileIO):
    """io.FileIO on the run's disk: each read or write that reaches the file costs the latency
    (the buffered and text layers above it are io's own, so a buffered read of many lines is
    one operation per buffer fill)."""

    def __init__(self, file, mode='r', closefd=True, opener=None):
        disk = _active
        if opener is None:
            disk.spend()
        super().__init__(file, mode, closefd, opener)
        self._loopscope_disk = disk

    def readinto(self, b):
        self._loopscope_disk.spend()
        return super().readinto(b)

    def read(self, size=-1):
        self._loopscope_disk.spend()
        return super().read(size)

    def readall(self):
        self._loopscope_disk.spend()
        return super().readall()

    def write(self, b):
        disk = self._loopscope_disk
        n = memoryview(b).nbytes
        disk.grow(super().tell() + n, n)
        disk.spend()
        return super().write(b)

    def truncate(self, size=None):
        disk = self._loopscope_disk
        if size is not None:
            disk.grow(size, 0)
        disk.spend()
        return super().truncate(size)


def _open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
          closefd=True, opener=None):
    """builtins.open / io.open: the standard library's own open for anything off the disk; on
    the disk, _pyio.open's layering over a DiskFileIO (the layers above it are io's C classes)."""
    disk = _active
    if disk is None or isinstance(file, float) or not disk.on_disk(file):
        return _real['open'](file, mode, buffering, encoding, errors, newline, closefd, opener)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary "
                      "mode, the default buffer size will be used", RuntimeWarning, 2)
    raw = DiskFileIO(file, (creating and "x" or "") + (reading and "r" or "") +
                     (writing and "w" or "") + (appending and "a" or "") +
                     (updating and "+" or ""), closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = max(min(getattr(raw, '_blksize', 0) or io.DEFAULT_BUFFER_SIZE, 8192 * 1024),
                            io.DEFAULT_BUFFER_SIZE)
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = io.BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = io.BufferedWriter(raw, buffering)
        elif reading:
            buffer = io.BufferedReader(raw, buffering)
        else:
            raise ValueError("unknown mode: %r" % mode)
        result = buffer
        if binary:
            return result
        encoding = io.text_encoding(encoding)
        text = io.TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except BaseException:
        result.close()
        raise


# -- os functions on the disk -------------------------------------------------------------------
def _path_op(name):
    real = getattr(os, name)

    def op(path, *args, **kwargs):
        disk = _active
        if disk is not None and disk.on_disk(path):
            disk.spend()
        return real(path, *args, **kwargs)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = real.__doc__
    return op


def _two_path_op(name):
    real = getattr(os, name)

    def op(src, dst, *args, **kwargs):
        disk = _active
        if disk is not None and (disk.on_disk(src) or disk.on_disk(dst)):
            disk.spend()
        return real(src, dst, *args, **kwargs)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = real.__doc__
    return op


def _listdir(path='.'):
    disk = _active
    if disk is not None and disk.on_disk(path):
        disk.spend()
    return _real['listdir'](path)


def _scandir(path='.'):
    disk = _active
    if disk is not None and disk.on_disk(path):
        disk.spend()
    return _real['scandir'](path)


def _os_open(path, flags, mode=0o777, *, dir_fd=None):
    disk = _active
    on = disk is not None and disk.on_disk(path)
    if on:
        disk.spend()
    fd = _real['os_open'](path, flags, mode, dir_fd=dir_fd)
    if on:
        disk.fds.add(fd)
    return fd


def _os_close(fd):
    disk = _active
    if disk is not None:
        disk.fds.discard(fd)
    return _real['close'](fd)


def _os_read(fd, n):
    disk = _active
    if disk is not None and fd in disk.fds:
        disk.spend()
    return _real['read'](fd, n)


def _os_write(fd, data):
    disk = _active
    if disk is not None and fd in disk.fds:
        n = memoryview(data).nbytes
        disk.grow(_real['lseek'](fd, 0, os.SEEK_CUR) + n, n)
        disk.spend()
    return _real['write'](fd, data)


def _os_pwrite(fd, data, offset):
    disk = _active
    if disk is not None and fd in disk.fds:
        n = memoryview(data).nbytes
        disk.grow(offset + n, n)
        disk.spend()
    return _real['pwrite'](fd, data, offset)


def _os_writev(fd, buffers):
    buffers = list(buffers)
    disk = _active
    if disk is not None and fd in disk.fds:
        n = sum(memoryview(b).nbytes for b in buffers)
        disk.grow(_real['lseek'](fd, 0, os.SEEK_CUR) + n, n)
        disk.spend()
    return _real['writev'](fd, buffers)


def _os_truncate(path, length):
    disk = _active
    if disk is not None and disk.on_disk(path):
        disk.grow(length, 0)
        disk.spend()
    return _real['truncate'](path, length)


def _os_ftruncate(fd, length):
    disk = _active
    if disk is not None and fd in disk.fds:
        disk.grow(length, 0)
        disk.spend()
    return _real['ftruncate'](fd, length)


_PATH_OPS = ('stat', 'lstat', 'remove', 'unlink', 'mkdir', 'rmdir', 'utime', 'chmod')
_TWO_PATH_OPS = ('rename', 'replace')


# -- writes outside the disk are refused --------------------------------------------------------
_MUTATING = {'os.mkdir': 1, 'os.rmdir': 1, 'os.remove': 1, 'os.rename': 2, 'os.chmod': 1,
             'os.chown': 1, 'os.link': 2, 'os.symlink': 2, 'os.truncate': 1, 'os.utime': 1,
             'os.chflags': 1, 'os.setxattr': 1, 'os.removexattr': 1, 'os.mkfifo': 1,
             'os.mknod': 1}


def _refuse(path):
    raise PermissionError(30, 'Read-only file system (only the working directory and /tmp are '
                          'writable in Loopscope)', os.fsdecode(path) if isinstance(path, (str, bytes)) else str(path))


def _writable(disk, path):
    if isinstance(path, int):
        return True
    try:
        p = _real['fspath'](path)
    except TypeError:
        return True
    if isinstance(p, bytes):
        p = p.decode('utf-8', 'surrogateescape')
    p = _real['normpath'](_real['join'](_real['getcwd'](), p))
    return p in _WRITABLE_DEVICES or any(p == r or p.startswith(r + '/') for r in DISK_ROOTS)


def _audit(event, args):
    disk = _active
    if disk is None:
        return
    if event == 'open':
        path, mode, flags = args
        if isinstance(mode, str):
            writes = any(c in mode for c in 'wax+')
        else:
            writes = isinstance(flags, int) and bool(flags & _WRITE_FLAGS)
        if writes and not _writable(disk, path):
            _refuse(path)
        return
    n = _MUTATING.get(event)
    if n is not None:
        for path in args[:n]:
            if not _writable(disk, path):
                _refuse(path)


def _install_audit_hook():
    """Once per interpreter (audit hooks cannot be removed; the hook does nothing between runs)."""
    if not getattr(sys, '_loopscope_audit', False):
        sys.addaudithook(_audit)
        sys._loopscope_audit = True


def install(world, fail, latency=DEFAULT_DISK_LATENCY, max_bytes=DEFAULT_MAX_FILE_BYTES):
    """Puts the run's disk in place; returns the Disk (uninstall(disk) puts things back)."""
    global _active
    if not _real:
        _real.update(open=io.open, listdir=os.listdir, scandir=os.scandir, os_open=os.open,
                     close=os.close, read=os.read, write=os.write, lseek=os.lseek,
                     truncate=os.truncate, ftruncate=os.ftruncate, fspath=os.fspath,
                     normpath=os.path.normpath, join=os.path.join, getcwd=os.getcwd,
                     pwrite=os.pwrite, writev=os.writev)
    disk = Disk(world, fail, latency, max_bytes)
    # FileIO itself too: io.FileIO("x", "w") writes as surely as open() does.
    saved = [(builtins, 'open', builtins.open), (io, 'open', io.open), (io, 'FileIO', io.FileIO),
             (_io, 'FileIO', _io.FileIO)]
    for name in _PATH_OPS + _TWO_PATH_OPS + ('listdir', 'scandir', 'open', 'close', 'read',
                                              'write', 'truncate', 'ftruncate', 'pwrite', 'writev'):
        saved.append((os, name, getattr(os, name)))
    disk.saved = saved
    builtins.open = io.open = _open
    io.FileIO = _io.FileIO = DiskFileIO
    os.pwrite = _os_pwrite
    os.writev = _os_writev
    for name in _PATH_OPS:
        setattr(os, name, _path_op(name))
    for name in _TWO_PATH_OPS:
        setattr(os, name, _two_path_op(name))
    os.listdir = _listdir
    os.scandir = _scandir
    os.open = _os_open
    os.close = _os_close
    os.read = _os_read
    os.write = _os_write
    os.truncate = _os_truncate
    os.ftruncate = _os_ftruncate
    _install_audit_hook()
    _active = disk
    return disk


def uninstall(disk):
    global _active
    _active = None
    for owner, name, value in reversed(disk.saved):
        setattr(owner, name, value)

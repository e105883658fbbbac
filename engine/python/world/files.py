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

from . import disk as _disk
from .disk import DEFAULT_DISK_LATENCY, DEFAULT_MAX_FILE_BYTES, DISK_ROOTS, HOME, Disk
from .diskfile import DiskFileIO, _open
from .diskos import (_PATH_OPS, _TWO_PATH_OPS, _install_audit_hook, _listdir, _os_close,
                     _os_ftruncate, _os_open, _os_pwrite, _os_read, _os_truncate, _os_write,
                     _os_writev, _path_op, _scandir, _two_path_op)

__all__ = ['DEFAULT_DISK_LATENCY', 'DEFAULT_MAX_FILE_BYTES', 'DISK_ROOTS', 'HOME', 'DIRECTIVE_KEY',
           'MAX_DISK_LATENCY', 'DirectiveError', 'Disk', 'DiskFileIO', 'disk_latency', 'install',
           'uninstall']

DIRECTIVE_KEY = 'disk-latency'
MAX_DISK_LATENCY = 60.0

_DIRECTIVE = re.compile(r'^\s*#\s*loopscope:\s*(.*)$')


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



def install(world, fail, latency=DEFAULT_DISK_LATENCY, max_bytes=DEFAULT_MAX_FILE_BYTES):
    """Puts the run's disk in place; returns the Disk (uninstall(disk) puts things back)."""
    real = _disk.real
    if not real:
        real.update(open=io.open, listdir=os.listdir, scandir=os.scandir, os_open=os.open,
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
    _disk.active = disk
    return disk


def uninstall(disk):
    _disk.active = None
    for owner, name, value in reversed(disk.saved):
        setattr(owner, name, value)

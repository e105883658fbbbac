"""os calls on the run's disk (files.py has the model): each costs the disk latency; writes
outside the disk are refused by an audit hook (a read-only file system)."""

import errno
import os
import stat
import sys

from . import disk as _disk
from .disk import DISK_ROOTS

_WRITABLE_DEVICES = ('/dev/null',)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


# -- os functions on the disk -------------------------------------------------------------------
def _path_op(name):
    real = getattr(os, name)

    def op(path, *args, **kwargs):
        disk = _disk.active
        if disk is not None and disk.on_disk(path):
            disk.spend()
        result = real(path, *args, **kwargs)
        if name in _STATS and disk is not None and (result.st_dev, result.st_ino) in disk.sockets:
            result = _as_socket(result)
        return result

    op.__name__ = op.__qualname__ = name
    op.__doc__ = real.__doc__
    return op


_STATS = ('stat', 'lstat')


def _as_socket(st):
    """A stat result for a socket file (MEMFS has no socket nodes: the file is a regular one)."""
    fields = list(st)
    fields[0] = stat.S_IFSOCK | stat.S_IMODE(st.st_mode)
    extra = {n: getattr(st, n) for n in dir(st) if n.startswith('st_') and n not in _VISIBLE}
    return os.stat_result(fields, extra)


_VISIBLE = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')


def _two_path_op(name):
    real = getattr(os, name)

    def op(src, dst, *args, **kwargs):
        disk = _disk.active
        if disk is not None and (disk.on_disk(src) or disk.on_disk(dst)):
            disk.spend()
        return real(src, dst, *args, **kwargs)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = real.__doc__
    return op


def _listdir(path='.'):
    disk = _disk.active
    if disk is not None and disk.on_disk(path):
        disk.spend()
    return _disk.real['listdir'](path)


def _scandir(path='.'):
    disk = _disk.active
    if disk is not None and disk.on_disk(path):
        disk.spend()
    return _disk.real['scandir'](path)


def _os_open(path, flags, mode=0o777, *, dir_fd=None):
    disk = _disk.active
    on = disk is not None and disk.on_disk(path)
    if on:
        disk.spend()
    fd = _disk.real['os_open'](path, flags, mode, dir_fd=dir_fd)
    if on:
        disk.fds.add(fd)
    return fd


def _os_close(fd):
    disk = _disk.active
    if disk is not None:
        disk.fds.discard(fd)
    return _disk.real['close'](fd)


def _os_read(fd, n):
    disk = _disk.active
    if disk is not None and fd in disk.fds:
        disk.spend()
    return _disk.real['read'](fd, n)


def _os_write(fd, data):
    disk = _disk.active
    if disk is not None and fd in disk.fds:
        n = memoryview(data).nbytes
        disk.grow(_disk.real['lseek'](fd, 0, os.SEEK_CUR) + n, n)
        disk.spend()
    return _disk.real['write'](fd, data)


def _os_pwrite(fd, data, offset):
    disk = _disk.active
    if disk is not None and fd in disk.fds:
        n = memoryview(data).nbytes
        disk.grow(offset + n, n)
        disk.spend()
    return _disk.real['pwrite'](fd, data, offset)


def _os_writev(fd, buffers):
    buffers = list(buffers)
    disk = _disk.active
    if disk is not None and fd in disk.fds:
        n = sum(memoryview(b).nbytes for b in buffers)
        disk.grow(_disk.real['lseek'](fd, 0, os.SEEK_CUR) + n, n)
        disk.spend()
    return _disk.real['writev'](fd, buffers)


def _os_truncate(path, length):
    disk = _disk.active
    if disk is not None and disk.on_disk(path):
        disk.grow(length, 0)
        disk.spend()
    return _disk.real['truncate'](path, length)


def _os_ftruncate(fd, length):
    disk = _disk.active
    if disk is not None and fd in disk.fds:
        disk.grow(length, 0)
        disk.spend()
    return _disk.real['ftruncate'](fd, length)


_PATH_OPS = ('stat', 'lstat', 'remove', 'unlink', 'mkdir', 'rmdir', 'utime', 'chmod')
_TWO_PATH_OPS = ('rename', 'replace')


# -- writes outside the disk are refused --------------------------------------------------------
_MUTATING = {'os.mkdir': 1, 'os.rmdir': 1, 'os.remove': 1, 'os.rename': 2, 'os.chmod': 1,
             'os.chown': 1, 'os.link': 2, 'os.symlink': 2, 'os.truncate': 1, 'os.utime': 1,
             'os.chflags': 1, 'os.setxattr': 1, 'os.removexattr': 1, 'os.mkfifo': 1,
             'os.mknod': 1}


def _refuse(path):
    # errno's EROFS, not Linux's 30: under Pyodide 30 is EISCONN (README.md, "Errno numbers").
    raise PermissionError(errno.EROFS, 'Read-only file system (only the working directory and /tmp are '
                          'writable in Loopscope)', os.fsdecode(path) if isinstance(path, (str, bytes)) else str(path))


def _writable(disk, path):
    if isinstance(path, int):
        return True
    try:
        p = _disk.real['fspath'](path)
    except TypeError:
        return True
    if isinstance(p, bytes):
        p = p.decode('utf-8', 'surrogateescape')
    p = _disk.real['normpath'](_disk.real['join'](_disk.real['getcwd'](), p))
    return p in _WRITABLE_DEVICES or any(p == r or p.startswith(r + '/') for r in DISK_ROOTS)


def _audit(event, args):
    disk = _disk.active
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

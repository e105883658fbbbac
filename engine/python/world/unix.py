"""AF_UNIX stream sockets by path on the virtual network (net.py calls these for AF_UNIX).

The address is the path string. bind() creates the socket file on the run's disk (under Pyodide
a plain file whose stat says S_IFSOCK: disk.py's `sockets`), which stays after close() as on
Linux, until the program unlinks it. A listener is found through its file's inode, so an unlinked, replaced or renamed
file behaves as a kernel's would: no file, ENOENT; a file with no listener behind it,
ECONNREFUSED. Connections run on the loopback link; both errors are immediate, as on Linux."""

import os
import stat
import sys
import weakref

from . import disk as _disk, errors

# The kernel's own lookups: free, and unaffected by the run's os patches (files.py).
_stat, _lstat, _open, _close = os.stat, os.lstat, os.open, os.close
# A real socket file where the file system has them (the oracle under native python3); MEMFS has
# no socket nodes, so under Pyodide it is a plain file the disk's stat reports as a socket.
_mknod = getattr(os, 'mknod', None) if sys.platform != 'emscripten' else None


def _path(address):
    if isinstance(address, (bytes, bytearray)):
        address = os.fsdecode(bytes(address))
    elif not isinstance(address, str):
        if hasattr(address, '__fspath__'):
            address = os.fspath(address)
        if not isinstance(address, (str, bytes)):
            raise TypeError(f'a bytes-like object is required, not {type(address).__name__!r}')
        address = os.fsdecode(address)
    return address


def _abstract(path):
    return path.startswith('\0')


def _name(path):
    """The address as getsockname() gives it: Linux's abstract names come back as bytes."""
    return os.fsencode(path) if _abstract(path) else path


def _inode(path):
    """The (device, inode) of the file at path, None when there is none (free: the kernel's
    lookup, not a program's stat)."""
    try:
        st = _stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (st.st_dev, st.st_ino)


def no_datagrams():
    raise OSError(errors.code('EOPNOTSUPP'), 'AF_UNIX datagram sockets are not available on the '
                  'virtual network (AF_UNIX stream sockets and UDP on 127.0.0.1 are)')


def bind(net, sock, address):
    if not sock._stream:
        no_datagrams()
    path = _path(address)
    if not path:
        raise errors.error('EINVAL')
    if _abstract(path):
        key = path
        if _live(net, key) is not None:
            raise errors.error('EADDRINUSE')
    else:
        try:
            _lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            pass
        else:
            raise errors.error('EADDRINUSE')
        try:
            if _mknod is not None:
                _mknod(path, stat.S_IFSOCK | 0o755)
            else:
                _close(_open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o755))
        except (FileNotFoundError, NotADirectoryError):
            raise errors.error('ENOENT') from None
        key = _inode(path)
        disk = _disk.active
        if disk is not None:
            disk.sockets.add(key)
    net.unix[key] = weakref.ref(sock)
    sock.laddr = _name(path)
    sock.unix_key = key


def _live(net, key):
    ref = net.unix.get(key)
    sock = ref() if ref is not None else None
    if sock is None or sock.state == 4:
        net.unix.pop(key, None)
        return None
    return sock


def listener(net, address):
    """The listening socket at address; raises as Linux's connect() does when there is none."""
    path = _path(address)
    if not path:
        raise errors.error('EINVAL')
    key = path if _abstract(path) else _inode(path)
    if key is None:
        raise errors.error('ENOENT')
    sock = _live(net, key)
    if sock is None or sock.state != 3:
        raise errors.error('ECONNREFUSED')
    return sock, _name(path)


def unbind(net, sock):
    key = getattr(sock, 'unix_key', None)
    if key is not None and _live(net, key) is sock:
        del net.unix[key]

"""OSErrors as a Linux kernel reports them: the interpreter's own errno values (asyncio and
OSError's subclass mapping compare against them) with glibc's messages, so a program prints
'Connection refused' as on a real machine. Under Pyodide the numbers themselves are Emscripten's."""

import errno
import socket

_MESSAGES = {
    'EAGAIN': 'Resource temporarily unavailable',
    'EINPROGRESS': 'Operation now in progress',
    'EALREADY': 'Operation already in progress',
    'ECONNREFUSED': 'Connection refused',
    'ECONNRESET': 'Connection reset by peer',
    'EPIPE': 'Broken pipe',
    'EADDRINUSE': 'Address already in use',
    'EADDRNOTAVAIL': 'Cannot assign requested address',
    'ENOTCONN': 'Transport endpoint is not connected',
    'EISCONN': 'Transport endpoint is already connected',
    'EBADF': 'Bad file descriptor',
    'EINVAL': 'Invalid argument',
    'ENETUNREACH': 'Network is unreachable',
    'EDESTADDRREQ': 'Destination address required',
    'EOPNOTSUPP': 'Operation not supported',
    'EAFNOSUPPORT': 'Address family not supported by protocol',
    'EMFILE': 'Too many open files',
    'ENOENT': 'No such file or directory',
}


def code(name):
    return getattr(errno, name)


def error(name):
    """The OSError (subclass chosen by OSError itself) a failing call raises."""
    return OSError(code(name), _MESSAGES[name])


def message(num):
    for name, text in _MESSAGES.items():
        if getattr(errno, name, None) == num:
            return text
    return f'Unknown error {num}'


def gaierror():
    return socket.gaierror(socket.EAI_NONAME, 'Name or service not known')


def timeout():
    return TimeoutError('timed out')

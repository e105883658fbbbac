"""What asyncio gives a program for AF_UNIX stream sockets, on a platform whose socket module has
no AF_UNIX (Pyodide): asyncio.streams leaves out open_unix_connection and start_unix_server
at import, and the loop methods live in unix_events._UnixSelectorEventLoop, which the run's loops
do not inherit. UnixLoopMixin reuses that class's own methods; the two stream functions are
CPython's, defined here because asyncio.streams skipped them."""

import types
from asyncio import events, unix_events
from asyncio.streams import _DEFAULT_LIMIT, StreamReader, StreamReaderProtocol, StreamWriter

_CPYTHON = unix_events._UnixSelectorEventLoop
# _stop_serving exists from 3.13 on: closing a server made by create_unix_server unlinks its file.
_METHODS = [n for n in ('create_unix_connection', 'create_unix_server', '_stop_serving')
            if n in _CPYTHON.__dict__]


def _rebound(cls, func):
    """func as if defined in cls: its zero-argument super() then continues after cls."""
    closure = func.__closure__
    if closure is not None:
        closure = tuple(types.CellType(cls) if name == '__class__' else cell
                        for name, cell in zip(func.__code__.co_freevars, closure))
    new = types.FunctionType(func.__code__, func.__globals__, func.__name__, func.__defaults__,
                             closure)
    new.__kwdefaults__ = func.__kwdefaults__
    new.__qualname__ = f'{cls.__name__}.{func.__name__}'
    new.__doc__ = func.__doc__
    return new


class UnixLoopMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unix_server_sockets = {}


for _name in _METHODS:
    setattr(UnixLoopMixin, _name, _rebound(UnixLoopMixin, _CPYTHON.__dict__[_name]))


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Similar to `open_connection` but works with UNIX Domain Sockets."""
    loop = events.get_running_loop()

    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_unix_connection(lambda: protocol, path, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)
    return reader, writer


async def start_unix_server(client_connected_cb, path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Similar to `start_server` but works with UNIX Domain Sockets."""
    loop = events.get_running_loop()

    def factory():
        reader = StreamReader(limit=limit, loop=loop)
        protocol = StreamReaderProtocol(reader, client_connected_cb, loop=loop)
        return protocol

    return await loop.create_unix_server(factory, path, **kwds)

"""The `socket` module as a run sees it: socket.socket, socketpair, create_connection,
create_server and the name functions (getaddrinfo, gethostbyname, getnameinfo...) over the
virtual network. install() swaps them in for a run and returns what uninstall() puts back."""

import asyncio
from asyncio import selector_events
import _socket as _raw
import socket as _s

from . import errors, net as _net, unixapi
from .model import LOOPBACK
from .pipe import Pipe
from .sockets import CONNECTED, VirtualSocket

_V6 = getattr(_s, 'AF_INET6', 10)
_SERVICES = {'http': 80, 'echo': 7, 'https': 443, 'ftp': 21, 'ssh': 22, 'smtp': 25, 'domain': 53}
# socketpair()'s default family is the platform's: Pyodide's is AF_INET (no AF_UNIX before a run).
_PAIR_FAMILY = getattr(_s, 'AF_UNIX', _s.AF_INET)
_NAMES = ('socket', 'SocketType', 'socketpair', 'getaddrinfo', 'gethostbyname',
          'gethostbyname_ex', 'gethostbyaddr', 'getnameinfo', 'fromfd', 'has_ipv6')


def socketpair(family=None, type=_s.SOCK_STREAM, proto=0):
    """A connected pair whose bytes arrive at once (an in-kernel pair; AF_INET where the
    platform has no AF_UNIX, as CPython's own fallback)."""
    net = _net.current()
    if family is None:
        family = _PAIR_FAMILY
    a = VirtualSocket(family, type, proto)
    b = VirtualSocket(family, type, proto)
    a.out = b.inp = Pipe(net.instant, a, b)
    b.out = a.inp = Pipe(net.instant, b, a)
    a.peer, b.peer = b, a
    a.state = b.state = CONNECTED
    if family == _s.AF_INET:
        for s in (a, b):
            net.bind(s, (LOOPBACK, 0))
        a.raddr, b.raddr = b.laddr, a.laddr
    else:
        a.laddr = b.laddr = a.raddr = b.raddr = ''
    return a, b


def _port(port):
    if port is None:
        return 0
    if isinstance(port, bytes):
        port = port.decode()
    if isinstance(port, str):
        if port.isdigit():
            return int(port)
        if port in _SERVICES:
            return _SERVICES[port]
        raise _s.gaierror(_s.EAI_SERVICE, 'Servname not supported for ai_socktype')
    return int(port)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    net = _net.current()
    if isinstance(host, bytes):
        host = host.decode('idna')
    p = _port(port)
    fam = _s.AF_INET if family in (0, _s.AF_UNSPEC) else family
    if host is None:
        if flags & _s.AI_PASSIVE:
            ip = '::' if fam == _V6 else '0.0.0.0'
        else:
            ip = '::1' if fam == _V6 else LOOPBACK
    else:
        ip = net.resolve(host, fam)
    kinds = [type] if type else [_s.SOCK_STREAM, _s.SOCK_DGRAM, _s.SOCK_RAW]
    out = []
    for k in kinds:
        pr = proto or {_s.SOCK_STREAM: _s.IPPROTO_TCP, _s.SOCK_DGRAM: _s.IPPROTO_UDP}.get(k, 0)
        addr = (ip, p, 0, 0) if fam == _V6 else (ip, p)
        canon = (host or '') if flags & _s.AI_CANONNAME else ''
        out.append((_s.AddressFamily(fam), _s.SocketKind(k), pr, canon, addr))
    return out


def gethostbyname(name):
    return _net.current().resolve(name)


def gethostbyname_ex(name):
    ip = gethostbyname(name)
    return (name, [], [ip])


def gethostbyaddr(ip):
    net = _net.current()
    if ip.startswith('127.') or ip == '::1':
        return ('localhost', [], [ip])
    for h in net.hosts.values():
        if h.ip == ip:
            return (h.name, [], [ip])
    raise _s.herror(1, 'Unknown host')


def getnameinfo(sockaddr, flags):
    ip, port = sockaddr[0], int(sockaddr[1])
    host = ip
    if not flags & _s.NI_NUMERICHOST:
        try:
            host = gethostbyaddr(ip)[0]
        except OSError:
            if flags & _s.NI_NAMEREQD:
                raise errors.gaierror() from None
    serv = str(port)
    if not flags & _s.NI_NUMERICSERV:
        serv = {v: k for k, v in _SERVICES.items()}.get(port, serv)
    return host, serv


def fromfd(fd, family, type, proto=0):
    raise OSError(errors.code('EBADF'), 'socket.fromfd() is not available on the virtual network')


# Linux's values for the constants Pyodide's socket module lacks (asyncio's servers use them;
# with AF_UNIX, asyncio's UNIX stream functions take their AF_UNIX branches).
_MISSING = {'SO_REUSEADDR': 2, 'SO_REUSEPORT': 15, 'AF_UNIX': _net._UNIX}
_ABSENT = object()

_UNIX_STREAMS = ('start_unix_server', 'open_unix_connection')
_RAW = '_socket'


_Transport = selector_events._SelectorSocketTransport


def _capped_write(self, data, _write=_Transport.write):
    """A transport's write(): as asyncio's, but what waits in its buffer for the peer to read
    counts against the network's byte cap (a write() loop without drain() grows it forever)."""
    _write(self, data)
    net = _net.current()
    if self.get_write_buffer_size() > net.max_bytes:
        net._cap(f'network cap reached: a transport holds more than {net.max_bytes:,} bytes its '
                 'peer has not read (write() without await drain(); raise it with '
                 '--max-network-bytes)', '--max-network-bytes')


def install(net):
    """Makes `net` the run's network and swaps the socket module's calls; returns the originals.
    Pyodide has no AF_UNIX, so asyncio left out its UNIX stream functions: unixapi's are put in."""
    _net.set_current(net)
    saved = {n: getattr(_s, n, _ABSENT) for n in _NAMES + tuple(_MISSING)}
    saved[_UNIX_STREAMS] = [(m, n, getattr(m, n, _ABSENT)) for m in (asyncio, asyncio.streams)
                            for n in _UNIX_STREAMS]
    for m, n, v in saved[_UNIX_STREAMS]:
        if v is _ABSENT:
            setattr(m, n, getattr(unixapi, n))
    _Transport.write = _capped_write
    # The C module's own socket type would reach Emscripten's socket layer (in Node, real
    # sockets; in Chromium, a WebSocket attempt): a run's _socket.socket is the virtual one too.
    saved[_RAW] = [(n, getattr(_raw, n)) for n in ('socket', 'SocketType')]
    _raw.socket = _raw.SocketType = VirtualSocket
    for n, v in _MISSING.items():
        if saved[n] is _ABSENT:
            setattr(_s, n, v)
    _s.socket = _s.SocketType = VirtualSocket
    _s.socketpair = socketpair
    _s.getaddrinfo = getaddrinfo
    _s.gethostbyname = gethostbyname
    _s.gethostbyname_ex = gethostbyname_ex
    _s.gethostbyaddr = gethostbyaddr
    _s.getnameinfo = getnameinfo
    _s.fromfd = fromfd
    _s.has_ipv6 = True
    return saved


def uninstall(saved):
    for n, v in saved.pop(_RAW):
        setattr(_raw, n, v)
    _Transport.write = _capped_write.__defaults__[0]
    for m, n, v in saved.pop(_UNIX_STREAMS):
        if v is _ABSENT:
            delattr(m, n)
        else:
            setattr(m, n, v)
    for n, v in saved.items():
        if v is _ABSENT:
            if hasattr(_s, n):
                delattr(_s, n)
        else:
            setattr(_s, n, v)
    _net.set_current(None)

"""The virtual network of one run: file descriptors, bound ports, listeners, the built-in hosts
and their links, name resolution, and the caps on sockets and bytes. Sockets (sockets.py) ask it
to bind, connect, send datagrams and close (connections.py); blocking calls wait through it (wait)."""

import heapq
import re
import socket as _s
import weakref

from . import connections, datagrams, errors, unix
from .core import BlockedForever
from .model import ANY, LOCAL_ADDRESS, LOOPBACK, LOOPBACK6, DEFAULT_BUFFER, Link, default_hosts

_current = None
# Sockets open at once: twice what a 1,000-client lesson needs; Linux's usual hard limit on open files.
DEFAULT_MAX_SOCKETS = 4096
# Bytes sent, or waiting in a transport for the peer to read, in one run.
DEFAULT_MAX_NETWORK_BYTES = 256 * 1024 * 1024
_IPV4 = re.compile(r'^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$')
_V6 = getattr(_s, 'AF_INET6', 10)
_UNIX = 1  # Linux's AF_UNIX (Pyodide's socket module has none)


def current():
    if _current is None:
        raise RuntimeError('Loopscope: no virtual network is installed')
    return _current


def set_current(net):
    global _current
    _current = net


class CapReached(Exception):
    pass


class Net:
    def __init__(self, world, max_sockets=DEFAULT_MAX_SOCKETS, max_bytes=DEFAULT_MAX_NETWORK_BYTES, on_cap=None,
                 stuck=None):
        self.world = world
        self.loopback = Link(0.0001, 1e9)
        self.instant = Link(0.0, 0)
        self.hosts = {h.name: h for h in default_hosts()}
        self.buffer = DEFAULT_BUFFER
        # Weak, as a kernel's tables hold no Python objects: a socket nobody holds is collected
        # (and closed by its __del__), and so is a loop whose self-pipe it is.
        self.fds = weakref.WeakValueDictionary()
        self._free = []
        self._freed = set()
        self._next_fd = 3
        self.bound = {}           # (proto, v6?, port) -> [weakrefs to sockets]
        self._next_port = 32768
        self.unix = {}            # AF_UNIX: socket file's (dev, inode), or abstract name -> weakref
        self.families = {_s.AF_INET, _V6, _UNIX}
        self.open_count = 0
        self.bytes_sent = 0
        self.max_sockets = max_sockets
        self.max_bytes = max_bytes
        self.on_cap = on_cap
        self.stuck = stuck

    @property
    def ips(self):
        return {h.ip: h for h in self.hosts.values()}

    # -- descriptors and caps --------------------------------------------------------------------
    def open(self, sock):
        if self.open_count >= self.max_sockets:
            self._cap(f'socket cap reached: more than {self.max_sockets:,} sockets open at once '
                      '(raise it with --max-sockets)', '--max-sockets')
        self.open_count += 1
        fd = heapq.heappop(self._free) if self._free else self._next_fd
        self._freed.discard(fd)
        if fd == self._next_fd:
            self._next_fd += 1
        self.fds[fd] = sock
        return fd

    def sent(self, sock, n):
        self.bytes_sent += n
        if self.bytes_sent > self.max_bytes:
            self._cap(f'network cap reached: the program sent more than {self.max_bytes:,} bytes '
                      '(raise it with --max-network-bytes)', '--max-network-bytes')

    def _cap(self, message, option):
        if self.on_cap is not None:
            self.on_cap(message, option)
        raise CapReached(message)

    def wait(self, ready_at, what, timeout):
        """Blocks the calling thread until ready_at() gives a time; world events that fall due
        meanwhile happen (they may make it true). Nothing left to happen: the run ends."""
        world = self.world
        start = world.time()
        limit = None if timeout is None else start + timeout
        while True:
            t = ready_at()
            if t is not None and (limit is None or t <= limit):
                world.block_until(t)
                return
            # A worker thread's code runs whole when it starts (threads.py): what the loop or
            # other threads will do later cannot happen while it blocks, only its own timeout.
            nxt = world.next_time() if world.thread is None else None
            if limit is not None and (nxt is None or nxt > limit):
                world.block_until(limit)
                raise errors.timeout()
            if nxt is None:
                message = (f'{what} on a blocking socket would wait forever: nothing in the '
                           'program can make it ready while this thread is blocked')
                if self.stuck is not None:
                    self.stuck(message)
                raise BlockedForever(message)
            world.block_until(nxt)

    def where(self, addr):
        if isinstance(addr, str):
            return addr or 'an unnamed socket'
        if not addr:
            return 'an unconnected socket'
        name = {h.ip: h.name for h in self.hosts.values()}.get(addr[0], addr[0])
        return f'{name}:{addr[1]}'

    # -- addresses --------------------------------------------------------------------------------
    def resolve(self, host, family=_s.AF_INET):
        if host in ('localhost', 'localhost.localdomain'):
            return LOOPBACK6 if family == _V6 else LOOPBACK
        if family == _V6:
            if host in ('::1', '::', ''):
                return host or '::'
            if host.startswith('::ffff:') and _IPV4.match(host[7:]):
                return host[7:]
        if host == '':
            return '0.0.0.0'
        m = _IPV4.match(host)
        if m and all(int(g) < 256 for g in m.groups()):
            return host
        h = self.hosts.get(host.lower().rstrip('.'))
        if h is not None and family != _V6:
            return h.ip
        raise errors.gaierror()

    @staticmethod
    def is_local(ip):
        return ip.startswith('127.') or ip in ('::1', '0.0.0.0', '::', LOCAL_ADDRESS)

    def _addr(self, sock, ip, port):
        return (ip, port, 0, 0) if sock._family == _V6 else (ip, port)

    def _key(self, sock, port):
        return ('tcp' if sock._stream else 'udp', sock._family == _V6, port)

    def bind(self, sock, address):
        if sock._family == _UNIX:
            unix.bind(self, sock, address)
            return
        if not isinstance(address, tuple) or len(address) < 2:
            family = 'AF_INET6' if sock._family == _V6 else 'AF_INET'
            raise TypeError(f'{family} address must be a tuple (host, port)')
        ip = self.resolve(address[0], sock._family)
        port = int(address[1])
        if not 0 <= port <= 65535:
            raise OverflowError('bind(): port must be 0-65535.')
        if not self.is_local(ip):
            raise errors.error('EADDRNOTAVAIL')
        if port == 0:
            port = self._ephemeral(sock)
        for other in self._bound(self._key(sock, port)):
            oip = other.laddr[0]
            if oip == ip or oip in ANY or ip in ANY:
                raise errors.error('EADDRINUSE')
        self.bound.setdefault(self._key(sock, port), []).append(weakref.ref(sock))
        sock.laddr = self._addr(sock, ip, port)

    def _bound(self, key):
        """The live sockets bound to a (proto, v6?, port) key, in binding order."""
        refs = self.bound.get(key)
        if not refs:
            return []
        live = [s for s in (r() for r in refs) if s is not None and s.state != 4]
        if len(live) != len(refs):
            self.bound[key] = [weakref.ref(s) for s in live]
        return live

    def _ephemeral(self, sock):
        while True:
            port = self._next_port
            self._next_port = port + 1 if port < 60999 else 32768
            if not self._bound(self._key(sock, port)):
                return port

    def _unbind(self, sock):
        if sock._family == _UNIX:
            unix.unbind(self, sock)
            return
        if not isinstance(sock.laddr, tuple):
            return
        key = self._key(sock, sock.laddr[1])
        refs = self.bound.get(key)
        if refs:
            self.bound[key] = [r for r in refs if r() is not None and r() is not sock]

    def _find(self, sock, ip, port, listening):
        for other in self._bound(self._key(sock, port)):
            if listening and other.state != 3:
                continue
            oip = other.laddr[0]
            if oip == ip or oip in ANY or (oip == LOOPBACK and ip.startswith('127.')):
                return other
        return None

    def listening(self, sock):
        pass

    # -- connections ------------------------------------------------------------------------------
    def connect(self, sock, address, now):
        connections.connect(self, sock, address, now)

    def close(self, sock, now):
        connections.close(self, sock, now)

    def release(self, sock):
        """A socket's descriptor goes back (closed, or collected without close())."""
        fd = sock.fd
        if fd is not None and fd not in self._freed:
            if self.fds.get(fd) is sock:
                del self.fds[fd]
            self._freed.add(fd)
            heapq.heappush(self._free, fd)
            self.open_count -= 1

    # -- datagrams (datagrams.py) ------------------------------------------------------------------
    def udp_connect(self, sock, address):
        if sock._family == _UNIX:
            unix.no_datagrams()
        datagrams.udp_connect(self, sock, address)

    def sendto(self, sock, data, address, now):
        if sock._family == _UNIX:
            unix.no_datagrams()
        return datagrams.sendto(self, sock, data, address, now)

"""A stream connection's life on the virtual network (net.py's Net holds the tables): connect
to a listener on this machine or to a built-in host's service, and close with FIN or, when
data is left unread or SO_LINGER says so, RST."""

import bisect
import socket as _s
import struct
import weakref

from . import errors, sockets as _sk, unix
from .model import LOCAL_ADDRESS, LOOPBACK, LOOPBACK6
from .pipe import RST, FIN, Pipe
from .services import SERVICES, ServiceConn

_V6 = getattr(_s, 'AF_INET6', 10)
_UNIX = 1  # Linux's AF_UNIX (Pyodide's socket module has none)


def _aborts(sock):
    """SO_LINGER on with a zero timeout: close() resets the connection instead of ending it."""
    value = sock.options.get((_s.SOL_SOCKET, getattr(_s, 'SO_LINGER', 13)))
    if not isinstance(value, (bytes, bytearray)) or len(value) < 8:
        return False
    onoff, linger = struct.unpack('ii', bytes(value[:8]))
    return onoff != 0 and linger == 0


def connect(net, sock, address, now):
    CONNECTING, CONNECTED, VirtualSocket = _sk.CONNECTING, _sk.CONNECTED, _sk.VirtualSocket
    if sock._family == _UNIX:
        # An unbound client's name is '' (Linux binds none), its peer the listener's path.
        listener, path = unix.listener(net, address)
        link, host, ip = net.loopback, None, None
        if sock.laddr is None:
            sock.laddr = ''
    else:
        if not isinstance(address, tuple) or len(address) < 2:
            raise TypeError('AF_INET address must be a tuple (host, port)')
        ip = net.resolve(address[0], sock._family)
        port = int(address[1])
        host = net.ips.get(ip)
        if net.is_local(ip):
            link, here = net.loopback, (LOOPBACK6 if sock._family == _V6 else LOOPBACK)
            if ip in ('0.0.0.0', '::', LOCAL_ADDRESS):
                ip = here
        elif host is not None:
            link, here = host.link, LOCAL_ADDRESS
        else:
            raise errors.error('ENETUNREACH')
        if sock.laddr is None:
            p = net._ephemeral(sock)
            net.bound.setdefault(net._key(sock, p), []).append(weakref.ref(sock))
            sock.laddr = net._addr(sock, here, p)
    sock.raddr = path if ip is None else net._addr(sock, ip, port)
    sock.state = CONNECTING
    # Linux completes an AF_UNIX connect inside connect() (no handshake on the wire).
    sock.conn_at = now if ip is None else now + 2 * link.latency
    sock.conn_err = None
    if host is None:
        if ip is not None:
            listener = net._find(sock, ip, port, True)
        if listener is None:
            sock.conn_err = 'ECONNREFUSED'
            return
        conn = VirtualSocket.__new__(VirtualSocket)
        conn.__dict__.update({k: v for k, v in sock.__dict__.items()})
        conn.fd = None
        conn.sel = None
        conn.state = CONNECTED
        conn.options = {}
        conn.queue = []
        conn.dgrams = []
        conn._timeout = _s.getdefaulttimeout()
        conn.laddr = listener.laddr if ip is None else net._addr(sock, ip, port)
        conn.raddr = sock.laddr
        conn.unix_key = None
        conn.sndbuf = conn.rcvbuf = net.buffer
        conn.wr_shut = False
        conn.so_error = None
        sock.out = conn.inp = Pipe(link, sock, conn)
        sock.inp = conn.out = Pipe(link, conn, sock)
        sock.peer, conn.peer = conn, sock
        # The server can accept once the SYN has arrived: on loopback Linux completes the whole
        # handshake inside connect(), and asyncio's server side sees it first, as here.
        arrival = now + link.latency
        if len(listener.queue) > listener.backlog:
            arrival += 1.0   # the SYN is dropped and sent again after Linux's initial RTO
        bisect.insort(listener.queue, [arrival, conn, sock.laddr], key=lambda e: e[0])
        listener.touch()
    else:
        service = SERVICES.get(('tcp', port))
        if service is None:
            sock.conn_err = 'ECONNREFUSED'
            return
        sc = ServiceConn(service(host), sock, link)
        sock.out, sock.inp, sock.peer = sc.into, sc.back, None

def close(net, sock, now):
    CLOSED, CONNECTED, CONNECTING, LISTENING = _sk.CLOSED, _sk.CONNECTED, _sk.CONNECTING, _sk.LISTENING
    sel = sock.sel
    if sel is not None:
        sel.forget(sock)
    sock._settle(now)
    if sock.state in (CONNECTED, CONNECTING) and sock.out is not None:
        if (sock.inp is not None and sock.inp.unread()) or _aborts(sock):
            sock.out.control(now, RST)
        elif not sock.wr_shut:
            sock.out.control(now, FIN)
    elif sock.state == LISTENING:
        for _, conn, _ in sock.queue:
            conn.out.control(now, RST)
            conn.state = CLOSED
        sock.queue = []
    sock.state = CLOSED
    net._unbind(sock)
    net.release(sock)

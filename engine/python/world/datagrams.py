"""UDP on the virtual network: a datagram sent at s arrives at s + L + n/B at the socket bound
to its address (dropped if there is none); a remote host's port 7 echoes it back."""

import bisect
import socket as _s

from . import errors
from .model import LOOPBACK, LOOPBACK6

_V6 = getattr(_s, 'AF_INET6', 10)


def _udp_bind(net, sock):
    if sock.laddr is None:
        net.bind(sock, ('::' if sock._family == _V6 else '0.0.0.0', 0))


def udp_connect(net, sock, address):
    ip = net.resolve(address[0], sock._family)
    _udp_bind(net, sock)
    sock.raddr = net._addr(sock, ip, int(address[1]))


def sendto(net, sock, data, address, now):
    ip = net.resolve(address[0], sock._family)
    port = int(address[1])
    _udp_bind(net, sock)
    net.sent(sock, len(data))
    host = net.ips.get(ip)
    if net.is_local(ip):
        link = net.loopback
        src = net._addr(sock, LOOPBACK6 if sock._family == _V6 else LOOPBACK, sock.laddr[1])
        dest = net._find(sock, ip, port, False)
    elif host is not None:
        link, src, dest = host.link, None, None
    else:
        raise errors.error('ENETUNREACH')
    arrival = max(now + link.latency + link.transmit(len(data)), sock.udp_last)
    sock.udp_last = arrival
    if dest is not None and dest.state != 4:
        bisect.insort(dest.dgrams, [arrival, data, src], key=lambda e: e[0])
        dest.touch()
    elif host is not None and port == 7:
        back = arrival + link.latency + link.transmit(len(data))
        bisect.insort(sock.dgrams, [back, data, (ip, 7)], key=lambda e: e[0])
        sock.touch()
    return len(data)

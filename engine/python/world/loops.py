"""What both loops (the engine's VirtualLoop and the test oracle's OracleLoop) add to asyncio's
selector event loop for the virtual network: name lookups answered at once from the virtual
hosts instead of in a thread pool, AF_UNIX streams (unixapi.py), and the selector the loop is
built on."""

import socket

from .selector import VirtualSelector
from .unixapi import UnixLoopMixin


class NetLoopMixin(UnixLoopMixin):
    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        return socket.getaddrinfo(host, port, family, type, proto, flags)

    async def getnameinfo(self, sockaddr, flags=0):
        return socket.getnameinfo(sockaddr, flags)


def new_selector(net):
    return VirtualSelector(net)

"""Virtual sockets with CPython's semantics: non-blocking calls raise BlockingIOError (EAGAIN,
EINPROGRESS), errors are the kernel's (ECONNREFUSED, ECONNRESET, EPIPE, ENOTCONN...), blocking
calls spend the calling thread's virtual time until their condition holds (world.block_until)
and a call that nothing could ever satisfy ends the run instead of hanging. The network itself
(addresses, ports, hosts, fds) is net.py's; one direction of a stream is a pipe.py Pipe."""

import socket as _s

from . import errors, net as _net
from .sockio import DatagramCalls, Readiness, StreamCalls

NEW, CONNECTING, CONNECTED, LISTENING, CLOSED = range(5)
_STATES = ('new', 'connecting', 'connected', 'listening', 'closed')
READ, WRITE = 1, 2  # selectors.EVENT_READ, EVENT_WRITE


def _family(value):
    try:
        return _s.AddressFamily(value)
    except ValueError:
        return value


def _kind(value):
    try:
        return _s.SocketKind(value)
    except ValueError:
        return value


class VirtualSocket(StreamCalls, DatagramCalls, Readiness):
    """socket.socket for a run. Stream sockets (TCP, AF_UNIX, socketpair) and datagram sockets (UDP)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is not None:
            raise OSError(errors.code('EINVAL'), 'socket(fileno=...) is not available on the virtual network')
        net = _net.current()
        if family == -1 or family is None:
            family = _s.AF_INET
        if type == -1 or type is None:
            type = _s.SOCK_STREAM
        if proto == -1 or proto is None:
            proto = 0
        if family not in net.families:
            raise OSError(errors.code('EAFNOSUPPORT'), errors._MESSAGES['EAFNOSUPPORT'])
        self._net = net
        self._family = family
        self._type = type & 0xF
        self._proto = proto
        self._timeout = _s.getdefaulttimeout()
        self.state = NEW
        self.laddr = None
        self.raddr = None
        self.inp = None        # Pipe in (streams)
        self.out = None        # Pipe out (streams)
        self.peer = None       # the other end's socket (None: a service)
        self.conn_at = 0.0     # when a connect completes (or fails)
        self.conn_err = None   # errno name a connect ends with
        self.so_error = None   # pending errno name (SO_ERROR)
        self.wr_shut = False
        self.queue = []        # listening: [arrival, socket, address] not yet accepted
        self.backlog = 0
        self.dgrams = []       # UDP: [arrival, data, address] sorted by arrival
        self.udp_last = 0.0
        self.options = {}
        self.sndbuf = net.buffer
        self.rcvbuf = net.buffer
        self.sel = None
        self.label = ''
        self.fd = net.open(self)

    # -- plumbing ---------------------------------------------------------------------------------
    def touch(self):
        sel = self.sel
        if sel is not None:
            sel.refresh(self)

    def _now(self):
        return self._net.world.time()

    def _settle(self, now):
        """A connect whose handshake completed by `now` becomes connected (or failed)."""
        if self.state == CONNECTING and now >= self.conn_at:
            if self.conn_err is None:
                self.state = CONNECTED
            else:
                self.so_error = self.conn_err
                self.conn_err = None
                self.state = NEW
                self.inp = self.out = None

    def _check(self):
        if self.state == CLOSED:
            raise errors.error('EBADF')

    def _block(self, ready_at, what):
        """Blocks the calling thread until ready_at() gives a time (settimeout's limit applies)."""
        self._net.wait(ready_at, what, self._timeout)

    @property
    def _stream(self):
        return self._type == _s.SOCK_STREAM

    # -- socket.socket's attributes ---------------------------------------------------------------
    family = property(lambda self: _family(self._family))
    type = property(lambda self: _kind(self._type))
    proto = property(lambda self: self._proto)

    def fileno(self):
        return self.fd

    def __repr__(self):
        s = f'<socket.socket fd={self.fd}, family={self._family}, type={self._type}, proto={self._proto}'
        if self.laddr and self.state != CLOSED:   # an unnamed AF_UNIX socket shows none
            s += f', laddr={self.laddr}'
        if self.raddr and self.state == CONNECTED:
            s += f', raddr={self.raddr}'
        return s + '>'

    def __enter__(self):
        return self

    def __del__(self):
        # As a real socket object's deallocation: the descriptor is closed, so the kernel ends
        # the connection (FIN, or RST with unread data) as close() would.
        try:
            if self.state != CLOSED and self.fd is not None:
                self._net.close(self, self._now())
        except Exception:
            pass

    def __exit__(self, *args):
        self.close()

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def gettimeout(self):
        return self._timeout

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError('Timeout value out of range')
        self._timeout = value

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def setsockopt(self, level, option, value, optlen=None):
        self._check()
        if level == _s.SOL_SOCKET and option in (_s.SO_SNDBUF, _s.SO_RCVBUF):
            size = max(256, min(int(value), 16 * 1024 * 1024))
            if option == _s.SO_SNDBUF:
                self.sndbuf = size
            else:
                self.rcvbuf = size
            self.touch()
            if self.peer is not None:
                self.peer.touch()
        self.options[(level, option)] = value

    def getsockopt(self, level, option, buflen=None):
        self._check()
        if level == _s.SOL_SOCKET:
            if option == _s.SO_ERROR:
                self._settle(self._now())
                err, self.so_error = self.so_error, None
                return errors.code(err) if err else 0
            if option == _s.SO_SNDBUF:
                return self.sndbuf
            if option == _s.SO_RCVBUF:
                return self.rcvbuf
            if option == _s.SO_TYPE:
                return self._type
        value = self.options.get((level, option), 0)
        return int(value) if isinstance(value, (bool, int)) else value

    def getsockname(self):
        self._check()
        if self.laddr is None:
            if self._family == _s.AF_INET:
                return ('0.0.0.0', 0)
            return '' if self._family == _net._UNIX else ('::', 0, 0, 0)
        return self.laddr

    def getpeername(self):
        self._check()
        self._settle(self._now())
        if self.raddr is None or self.state not in (CONNECTED,) and self._stream:
            raise errors.error('ENOTCONN')
        return self.raddr

    def detach(self):
        raise OSError(errors.code('EOPNOTSUPP'), 'detach() is not available on the virtual network')

    # -- addresses and connections (net.py does the network's part) -------------------------------
    def bind(self, address):
        self._check()
        if self.laddr is not None:
            raise errors.error('EINVAL')
        self._net.bind(self, address)

    def listen(self, backlog=128):
        self._check()
        if not self._stream:
            raise errors.error('EOPNOTSUPP')
        if self.laddr is None:
            if self._family == _net._UNIX:
                self.laddr = ''   # Linux would autobind an abstract name; nobody can reach it
            else:
                self._net.bind(self, ('0.0.0.0', 0))
        self.state = LISTENING
        self.backlog = max(0, min(int(backlog), 4096))
        self._net.listening(self)
        self.touch()

    def connect(self, address):
        self._check()
        if not self._stream:
            self._net.udp_connect(self, address)
            return
        now = self._now()
        self._settle(now)
        if self.state == CONNECTED:
            raise errors.error('EISCONN')
        if self.state == CONNECTING:
            raise errors.error('EALREADY')
        if self.so_error:
            err, self.so_error = self.so_error, None
            raise errors.error(err)
        self._net.connect(self, address, now)
        self.touch()
        if self._family == _net._UNIX:
            self._settle(now)
            if self.state == CONNECTED:
                return
        if self._timeout == 0.0:
            raise BlockingIOError(errors.code('EINPROGRESS'), errors._MESSAGES['EINPROGRESS'])
        self._block(lambda: self.conn_at, f'connect() to {address}')
        self._settle(self._now())
        if self.so_error:
            err, self.so_error = self.so_error, None
            raise errors.error(err)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as e:
            return e.errno or 0
        return 0

    def accept(self):
        self._check()
        if self.state != LISTENING:
            raise errors.error('EINVAL')
        while True:
            now = self._now()
            q = self.queue
            if q and q[0][0] <= now:
                _, conn, addr = q.pop(0)
                self.touch()
                conn.fd = self._net.open(conn)
                return conn, addr
            if self._timeout == 0.0:
                raise BlockingIOError(errors.code('EAGAIN'), errors._MESSAGES['EAGAIN'])
            self._block(lambda: q[0][0] if q else None,
                        f'accept() on {self._net.where(self.laddr)}')

    def close(self):
        if self.state == CLOSED:
            return
        self._net.close(self, self._now())

"""What a virtual socket does with data: stream reads and writes (with the window that makes
backpressure, resets and half close) and datagrams. Mixed into sockets.VirtualSocket."""

import socket as _s

from . import errors
from .pipe import DATA, FIN, RST

NEW, CONNECTING, CONNECTED, LISTENING = 0, 1, 2, 3  # sockets.py's states
READ, WRITE = 1, 2  # selectors.EVENT_READ, EVENT_WRITE


class StreamCalls:
    # -- streams: reading and writing ---------------------------------------------------------------
    def _pending(self):
        if self.so_error:
            err, self.so_error = self.so_error, None
            raise errors.error(err)

    def _readable_at(self):
        return self.inp.first() if self.inp is not None else None

    def recv(self, bufsize, flags=0):
        self._check()
        if not self._stream:
            return self.recvfrom(bufsize, flags)[0]
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        while True:
            now = self._now()
            self._settle(now)
            self._pending()
            if self.state not in (CONNECTED, CONNECTING) or self.inp is None:
                raise errors.error('ENOTCONN')
            if self.state == CONNECTED:
                reset = self._take_reset(now)
                if reset:
                    raise errors.error(reset)
                data, kind = self.inp.read(now, bufsize) if bufsize else (b'', DATA)
                if kind == DATA or kind == FIN:
                    return data
            if self._timeout == 0.0:
                raise BlockingIOError(errors.code('EAGAIN'), errors._MESSAGES['EAGAIN'])
            self._block(self._ready_read, f'recv() from {self._net.where(self.raddr)}')

    def _ready_read(self):
        if self.state == CONNECTING:
            return self.conn_at
        return self._readable_at()

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast('B')
        data = self.recv(nbytes or len(view), flags)
        view[:len(data)] = data
        return len(data)

    def _window(self):
        peer = self.peer
        return self.sndbuf + (peer.rcvbuf if peer is not None else self._net.buffer)

    def _writable_at(self, now):
        if self.state == CONNECTING:
            return self.conn_at
        if self.state != CONNECTED or self.wr_shut or self.so_error:
            return now
        room = self.out.room_at(now, self._window())
        # A reset from the peer makes the socket writable (epoll reports the error) even when the
        # window is full: the next send fails, so a transport flushing to a peer that closed
        # without reading fails instead of waiting forever.
        reset = self._reset_at()
        return reset if reset is not None and (room is None or reset < room) else room

    def _reset_at(self):
        """When a reset from the peer arrives, or None (a reset is the last item of a pipe)."""
        items = self.inp.items if self.inp is not None else None
        return items[-1][0] if items and items[-1][1] == RST else None

    def send(self, data, flags=0):
        self._check()
        if not self._stream:
            if self.raddr is None:
                raise errors.error('EDESTADDRREQ')
            return self.sendto(data, self.raddr)
        data = memoryview(data).cast('B')
        while True:
            now = self._now()
            self._settle(now)
            self._pending()
            if self.state == CONNECTED:
                reset = self._take_reset(now)
                if reset:
                    raise errors.error(reset)
                if self.wr_shut:
                    raise errors.error('EPIPE')
                room = self._window() - self.out.outstanding(now)
                if room > 0:
                    n = min(room, len(data))
                    if n:
                        self._net.sent(self, n)
                        self.out.push(now, data[:n])
                    return n
            elif self.state != CONNECTING:
                raise errors.error('ENOTCONN' if self.state == NEW else 'EPIPE')
            if self._timeout == 0.0:
                raise BlockingIOError(errors.code('EAGAIN'), errors._MESSAGES['EAGAIN'])
            self._block(lambda: self._writable_at(self._now()),
                        f'send() to {self._net.where(self.raddr)}')

    def _take_reset(self, now):
        """A reset from the peer that has arrived: the kernel drops what was unread, the next
        call reports the error, later reads see EOF and later writes EPIPE (as Linux does). The
        error (None: no reset) is ECONNRESET, or EPIPE when the peer's FIN came first and this
        side has not closed its half (Linux's CLOSE_WAIT)."""
        items = self.inp.items
        fin = False
        for arrival, kind, _ in items:
            if arrival > now:
                return None
            if kind == FIN:
                fin = True
            elif kind == RST:
                items.clear()
                items.append([now, FIN, b''])
                self.inp.size = 0
                error = 'EPIPE' if fin and not self.wr_shut else 'ECONNRESET'
                self.wr_shut = True
                return error
        return None

    def sendall(self, data, flags=0):
        data = memoryview(data).cast('B')
        sent = 0
        while sent < len(data):
            n = self.send(data[sent:], flags)
            if self._timeout == 0.0 and n == 0:
                raise BlockingIOError(errors.code('EAGAIN'), errors._MESSAGES['EAGAIN'])
            sent += n

    def sendmsg(self, buffers, ancdata=(), flags=0, address=None):
        data = b''.join(bytes(b) for b in buffers)
        if address is not None:
            return self.sendto(data, address)
        return self.send(data, flags)

    def shutdown(self, how):
        self._check()
        self._settle(self._now())
        if self.state != CONNECTED:
            raise errors.error('ENOTCONN')
        if how in (_s.SHUT_WR, _s.SHUT_RDWR) and not self.wr_shut:
            self.wr_shut = True
            self.out.control(self._now(), FIN)
            self.touch()


class DatagramCalls:
    # -- datagrams --------------------------------------------------------------------------------
    def sendto(self, data, flags_or_address, address=None):
        self._check()
        if address is None:
            address = flags_or_address
        if self._stream:
            return self.send(data)
        data = bytes(data)
        return self._net.sendto(self, data, address, self._now())

    def recvfrom(self, bufsize, flags=0):
        self._check()
        while True:
            now = self._now()
            d = self.dgrams
            if d and d[0][0] <= now:
                _, data, addr = d.pop(0)
                self.touch()
                return data[:bufsize], addr
            if self._stream:
                return self.recv(bufsize), self.raddr
            if self._timeout == 0.0:
                raise BlockingIOError(errors.code('EAGAIN'), errors._MESSAGES['EAGAIN'])
            self._block(lambda: d[0][0] if d else None,
                        f'recvfrom() on {self._net.where(self.laddr)}')

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast('B')
        data, addr = self.recvfrom(nbytes or len(view), flags)
        view[:len(data)] = data
        return len(data), addr


class Readiness:
    # -- readiness (the selector asks) -------------------------------------------------------------
    def ready_time(self, events, now):
        """The earliest virtual time one of `events` holds (maybe before now), or None."""
        state = self.state
        best = None
        if events & READ:
            if state == LISTENING:
                best = self.queue[0][0] if self.queue else None
            elif not self._stream:
                best = self.dgrams[0][0] if self.dgrams else None
            elif state == CONNECTED:
                best = self.inp.first()
            elif state == CONNECTING:
                best = self.conn_at if self.conn_err is not None else self.inp.first()
            elif state == NEW and self.so_error:
                best = now
        if events & WRITE:
            if not self._stream:
                w = now
            elif state == CONNECTED:
                w = self._writable_at(now)
            elif state == CONNECTING:
                w = self.conn_at
            elif state == NEW:
                w = now
            else:
                w = None
            if w is not None and (best is None or w < best):
                best = w
        return best

    def ready_mask(self, events, now):
        self._settle(now)
        mask = 0
        t = self.ready_time(events & READ, now) if events & READ else None
        if t is not None and t <= now:
            mask |= READ
        t = self.ready_time(events & WRITE, now) if events & WRITE else None
        if t is not None and t <= now:
            mask |= WRITE
        return mask

"""One direction of a stream connection: bytes in flight and unread, each chunk stamped with the
virtual time it arrives. A sender's chunks leave one after another at the link's bandwidth and
arrive a latency later, in order. A pipe into a built-in service is a sink: the service consumes
each chunk when it arrives, so only bytes still in flight count against the window."""

from collections import deque

from . import trail

DATA, FIN, RST = 0, 1, 2


class Pipe:
    __slots__ = ('items', 'size', 'link', 'free_at', 'last', 'src', 'dst', 'sink', 'closed_at', 'conn')

    def __init__(self, link, src, dst, sink=False):
        self.items = deque()   # [arrival, kind, bytes]
        self.size = 0          # data bytes not yet consumed
        self.link = link
        self.free_at = 0.0     # when the link finishes transmitting what was sent before
        self.last = 0.0        # the latest arrival so far (order is kept per connection)
        self.src = src         # sending socket (None: a service)
        self.dst = dst         # receiving socket (None: a service)
        self.sink = sink
        self.closed_at = None  # a FIN or RST was sent
        self.conn = None       # a service's connection: it reads each chunk on arrival

    def _arrival(self, now, nbytes):
        link = self.link
        start = now if now > self.free_at else self.free_at
        end = start + link.transmit(nbytes)
        self.free_at = end
        arrival = end + link.latency
        if arrival < self.last:
            arrival = self.last
        self.last = arrival
        return arrival

    def push(self, now, data):
        """Sends data at `now`; returns its arrival time. Data for a closed socket is dropped
        and the sender gets a reset back, as from a real kernel."""
        arrival = self._arrival(now, len(data))
        if trail.sink is not None:
            trail.sink.sent(self, now, len(data), arrival)
        dst = self.dst
        if dst is not None and dst.state == 4:  # sockets.CLOSED
            back = dst.out
            if back is not None and not back.items or back is not None and back.items[-1][1] != RST:
                back.items.append([max(arrival + self.link.latency, back.last), RST, b''])
                if self.src is not None:
                    self.src.touch()
            return arrival
        self.items.append([arrival, DATA, bytes(data)])
        self.size += len(data)
        if self.dst is not None:
            self.dst.touch()
        if self.conn is not None:
            self.conn.deliver(arrival, bytes(data))
        return arrival

    def control(self, when, kind):
        """A FIN or RST leaving at `when` (after the data before it). A RST may follow a FIN: a
        socket half-closed with shutdown(SHUT_WR) and then closed with data unread resets the
        connection, as Linux does; nothing follows a RST."""
        first = self.closed_at is None
        if not first and (kind == FIN or self.items and self.items[-1][1] == RST):
            return
        if first:
            self.closed_at = when
        arrival = max(when + self.link.latency, self.last)
        self.last = arrival
        self.items.append([arrival, kind, b''])
        if self.dst is not None:
            self.dst.touch()
        if self.conn is not None and first:
            self.conn.service.closed(self.conn, arrival)

    def first(self):
        """When the earliest unread item arrives, or None."""
        items = self.items
        return items[0][0] if items else None

    def outstanding(self, now):
        """Bytes that count against the window at `now`."""
        if self.sink:
            items = self.items
            while items and items[0][0] <= now:
                self.size -= len(items.popleft()[2])
        return self.size

    def room_at(self, now, window):
        """When at least one byte fits in the window: now, a later arrival (sinks) or None."""
        size = self.outstanding(now)
        if size < window:
            return now
        if not self.sink:
            return None
        for arrival, _, data in self.items:
            size -= len(data)
            if size < window:
                return arrival
        return now

    def read(self, now, n):
        """(data, kind) of what has arrived by `now`: up to n data bytes, else the FIN or RST
        waiting at the head (kept there, so every later read sees it too), else (None, None)."""
        items = self.items
        if not items or items[0][0] > now:
            return None, None
        head = items[0]
        if head[1] != DATA:
            return b'', head[1]
        parts = []
        got = 0
        while items and got < n:
            item = items[0]
            if item[0] > now or item[1] != DATA:
                break
            data = item[2]
            take = n - got
            if len(data) <= take:
                parts.append(data)
                got += len(data)
                items.popleft()
            else:
                parts.append(data[:take])
                item[2] = data[take:]
                got += take
        self.size -= got
        if self.src is not None:
            self.src.touch()
        return b''.join(parts), DATA

    def unread(self):
        return self.size > 0

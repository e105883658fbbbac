"""A selectors.BaseSelector over virtual sockets. Readiness is level-triggered, as epoll's is,
and kept incrementally: every socket whose state changes is re-asked when it becomes ready
(sockets.VirtualSocket.ready_time), so a select costs what changed, not what is registered.
The engine's loop and the oracle's loop both use it; they differ only in who moves the clock."""

import heapq
import selectors


class VirtualSelector(selectors._BaseSelectorImpl):
    def __init__(self, net):
        super().__init__()
        self.net = net
        self._heap = []      # (when, seq, fd): keys that become ready later
        self._seq = 0
        self._ver = {}       # fd -> seq of its live heap entry, or -1 when due now
        self._due = {}       # fds ready at the last refresh (insertion order = readiness order)
        self.on_busy = None  # the engine's hook: called with True/False when busy() flips
        self._busy = False

    def _now(self):
        return self.net.world._now()

    def _sock(self, fd):
        return self.net.fds.get(fd)

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        sock = self._sock(key.fd)
        if sock is not None:
            sock.sel = self
            self.refresh(sock)
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        sock = self._sock(key.fd)
        if sock is not None and sock.sel is self:
            sock.sel = None
        self._drop(key.fd)
        return key

    def modify(self, fileobj, events, data=None):
        key = super().modify(fileobj, events, data)
        sock = self._sock(key.fd)
        if sock is not None:
            sock.sel = self
            self.refresh(sock)
        return key

    def forget(self, sock):
        """A registered socket closed: epoll drops a closed descriptor by itself."""
        fd = sock.fd
        key = self._fd_to_key.pop(fd, None)
        sock.sel = None
        if key is not None:
            self._drop(fd)

    def _drop(self, fd):
        self._ver.pop(fd, None)
        self._due.pop(fd, None)
        self._check_busy()

    def refresh(self, sock):
        """Re-asks a registered socket when it becomes ready for the events it is watched for."""
        fd = sock.fd
        key = self._fd_to_key.get(fd)
        if key is None:
            return
        now = self._now()
        when = sock.ready_time(key.events, now)
        if when is None:
            self._ver.pop(fd, None)
            self._due.pop(fd, None)
        elif when <= now:
            self._ver[fd] = -1
            self._due[fd] = True
        else:
            self._due.pop(fd, None)
            seq = self._seq
            self._seq = seq + 1
            self._ver[fd] = seq
            heapq.heappush(self._heap, (when, seq, fd))
        self._check_busy()

    def _prune(self):
        heap = self._heap
        ver = self._ver
        while heap and ver.get(heap[0][2]) != heap[0][1]:
            heapq.heappop(heap)

    def busy(self):
        """Whether anything could become ready: the scheduler asks this loop's select only then."""
        self._prune()
        return bool(self._due or self._heap or self.net.world.next_time() is not None)

    def world_changed(self):
        """The world's next event moved (a worker's result is due, or was handed over)."""
        self._check_busy()

    def _check_busy(self):
        hook = self.on_busy
        if hook is not None:
            b = self.busy()
            if b != self._busy:
                self._busy = b
                hook(b)

    def next_time(self):
        """When select would first find something ready or a world event due, or None."""
        self._prune()
        now = self._now()
        for fd in list(self._due):  # readiness a read or write since took away
            key = self._fd_to_key.get(fd)
            sock = self._sock(fd)
            if key is None or sock is None:
                self._due.pop(fd, None)
            elif not sock.ready_mask(key.events, now):
                self.refresh(sock)
        self._prune()
        best = now if self._due else (self._heap[0][0] if self._heap else None)
        ev = self.net.world.next_time()
        if ev is not None and (best is None or ev < best):
            best = ev
        return best

    def ready(self, now):
        """Runs the world events due by `now`, then [(key, events)] ready at `now`."""
        self.net.world.run_due(now)
        heap = self._heap
        ver = self._ver
        due = self._due
        while heap and heap[0][0] <= now:
            when, seq, fd = heapq.heappop(heap)
            if ver.get(fd) == seq:
                ver[fd] = -1
                due[fd] = True
        out = []
        for fd in list(due):
            key = self._fd_to_key.get(fd)
            sock = self._sock(fd)
            if key is None or sock is None:
                due.pop(fd, None)
                continue
            mask = sock.ready_mask(key.events, now)
            if mask:
                out.append((key, mask & key.events))
            else:
                self.refresh(sock)
        self._check_busy()
        return out

    def select(self, timeout=None):
        """For direct use (selectors' API): what is ready now; the loops drive time themselves."""
        return self.ready(self._now())

    def close(self):
        for key in list(self._fd_to_key.values()):
            sock = self._sock(key.fd)
            if sock is not None and sock.sel is self:
                sock.sel = None
        super().close()
        self._heap.clear()
        self._ver.clear()
        self._due.clear()
        self._check_busy()

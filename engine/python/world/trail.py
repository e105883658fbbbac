"""What the stage draws of the world besides the tasks: a worker thread's job and when it ran,
bytes sent and when they arrive. The engine's run attaches a Recorder that writes them as ops
(engine/python/ops.py, SENT and JOB); the oracle attaches none, so there each hook costs one
global read, and a program without I/O never reaches one."""

sink = None


def attach(recorder):
    """The run in progress records through `recorder` (None: nothing is recorded)."""
    global sink
    sink = recorder


class Recorder:
    """Appends (SENT, from, to, bytes, sent, arrives) and (JOB, thread, job, start, end) to the
    run's op list; names are string ids, endpoints named as waits name them (net.where)."""

    __slots__ = ('nums', 'sid', 'where', 'sent_op', 'job_op', 'names')

    def __init__(self, nums, sid, where, sent_op, job_op):
        self.nums = nums
        self.sid = sid
        self.where = where
        self.sent_op = sent_op
        self.job_op = job_op
        self.names = {}  # (from address, to address) -> their string ids

    def sent(self, pipe, now, nbytes, arrival):
        """A pipe's push: bytes that arrive at once (a socketpair, asyncio's self-pipe) are
        never in flight, so they are left out."""
        if arrival <= now:
            return
        src, dst = pipe.src, pipe.dst
        a = src.laddr if src is not None else dst.raddr
        b = dst.laddr if dst is not None else src.raddr
        key = (a, b)
        ids = self.names.get(key)
        if ids is None:
            ids = self.names[key] = (self.sid(self.where(a)), self.sid(self.where(b)))
        self.nums += (self.sent_op, ids[0], ids[1], nbytes, now, arrival)

    def job(self, thread, label, start, end):
        self.nums += (self.job_op, self.sid(thread), self.sid(label), start, end)

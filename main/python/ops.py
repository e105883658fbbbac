"""The op buffer: everything a run tells the TypeScript side (schedule, cancel, a step's lines,
a wait, output) is appended here as numbers, and JavaScript reads it once per loop iteration
straight from the wasm heap. One crossing per iteration instead of several per callback is
what makes the engine fast; the op codes must match OPS in main/python/host.ts."""

from array import array

RUN, SOON, AT, CANCEL, END, WAIT, EXIT, OUT, ACTOR, BLOCK, STOP, CLOCK = range(1, 13)

WAIT_KINDS = ('timer', 'task', 'future', 'lock', 'queue', 'event', 'semaphore', 'condition',
              'barrier', 'io', 'other')
WAIT_CODE = {k: i for i, k in enumerate(WAIT_KINDS)}
OUTCOME_CODE = {'result': 0, 'exception': 1, 'cancelled': 2}


class Ops:
    def __init__(self):
        self.nums = []     # ops being written: list.append is Python's cheapest write
        self.arr = array('d')  # ops handed over: JavaScript reads these doubles in place
        # Where they are: [address in the wasm heap, count, strings pending]. Never resized, so
        # JavaScript learns its address once and reads the heap directly, with no call.
        self.hdr = array('d', (0.0, 0.0, 0.0))
        self.strs = []     # strings not yet sent; JavaScript keeps the whole table
        self.nstrs = 0
        self.interned = {}

    def commit(self):
        """Moves the written ops into the array JavaScript reads (one C-speed copy)."""
        arr = self.arr
        del arr[:]
        arr.fromlist(self.nums)
        self.nums.clear()
        hdr = self.hdr
        hdr[0], hdr[1] = arr.buffer_info()
        hdr[2] = len(self.strs)

    def clear(self):
        """After JavaScript applied the handed-over ops and strings."""
        del self.arr[:]
        self.nums.clear()
        del self.strs[:]
        hdr = self.hdr
        hdr[1] = hdr[2] = 0

    def sid(self, text):
        """A string's index in the run's string table (names and expressions are shared)."""
        i = self.interned.get(text)
        if i is None:
            i = self.interned[text] = self.new_sid(text)
        return i

    def new_sid(self, text):
        self.strs.append(text)
        i = self.nstrs
        self.nstrs = i + 1
        return i

    def end(self, actor, lines):
        n = self.nums
        n += (END, actor, len(lines))
        n += lines

    def wait(self, actor, kind, expr, line, deadline, targets):
        n = self.nums
        n += (WAIT, actor, WAIT_CODE.get(kind, 10), self.sid(expr), line, deadline, len(targets))
        n += targets

    def exit(self, actor, kind, repr_, traceback):
        self.nums.extend((EXIT, actor, OUTCOME_CODE[kind], self.new_sid(repr_),
                          self.new_sid(traceback) if traceback else -1))

    def out(self, stream, text):
        self.nums.extend((OUT, 0 if stream == 'stdout' else 1, self.new_sid(text)))

    def actor(self, actor, kind, name, coro, internal, serves, parent, line):
        interned = self.interned  # sid(), inlined twice: a program may start 100,000 tasks
        n = interned.get(name)
        if n is None:
            n = interned[name] = self.new_sid(name)
        c = interned.get(coro)
        if c is None:
            c = interned[coro] = self.new_sid(coro)
        self.nums.extend((ACTOR, actor, 0 if kind == 'task' else 1, n, c,
                          1 if internal else 0, serves, parent, line))

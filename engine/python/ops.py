"""The op buffer: everything a run tells the TypeScript side (schedule, cancel, a step's lines,
a wait, output) is appended here as numbers, and JavaScript reads the list once per loop
iteration straight from the wasm heap (engine/python/pylist.ts). One crossing per iteration
instead of several per callback is what makes the engine fast; the op codes must match Op in
engine/python/op-decoder.ts. The other way, JavaScript writes a loop iteration's handles straight into
Batch's buffer."""

from array import array

# A step has no op of its own before END: JavaScript knows the batch it handed over and which of
# its handles were cancelled meanwhile, so it begins each step at the step's first op (WAIT and
# EXIT come after their step's END).
SOON, AT, CANCEL, END, WAIT, EXIT, OUT, ACTOR, BLOCK, STOP, CLOCK, IO = range(1, 13)
# The world's recording hooks (world/trail.py): sends and worker jobs, for the stage; they
# belong to the step that made them.
SENT, JOB = range(13, 15)
# Warnings (loop_warnings.py): a report CPython makes (an exception never retrieved, a pending
# task destroyed, a coroutine never awaited) and the call a BLOCK comes from; in their step.
WARN, BLOCKING = range(15, 17)
# The run's stages outside loop iterations (stages.py, program.py): what were direct calls to
# the host once are ops too, applied in order with the rest (channel.py flushes right after).
# They begin no step, nor does any op after them: op-decoder.ts begins a step only at an op < TOP.
TOP, RESUME, MAIN, SPLIT, MAIN_END, RUN_END = range(17, 23)
# Task state (capture.py, resources.py): written after their step's END (or before a stage op),
# so they begin no step either (they come after TOP too); WAITRES comes just before the WAIT it adds its resource to.
FRAMES, RESOURCE, RSTATE, CANCELLED, WAITRES = range(23, 28)

WAIT_KINDS = ('timer', 'task', 'future', 'lock', 'queue', 'event', 'semaphore', 'condition',
              'barrier', 'io', 'other')
WAIT_CODE = {k: i for i, k in enumerate(WAIT_KINDS)}
OUTCOME_CODE = {'result': 0, 'exception': 1, 'cancelled': 2}

# pylist.ts's PROBE: JavaScript checks that it reads Python's objects right before any run.
PROBE = [0, 1, -5, 300, 2**31 + 7, -(2**40), 1.5, -1.0, 1e-9]


class Ops:
    def __init__(self):
        self.nums = []     # ops being written: list.append is Python's cheapest write
        self.strs = []     # strings not yet sent; JavaScript keeps the whole table
        self.nstrs = 0
        self.interned = {}

    def addresses(self):
        """Where JavaScript finds the ops and the types of their items (CPython's id)."""
        return id(self.nums), id(int), id(float), id(self.strs)

    def clear(self):
        """After JavaScript applied the ops and strings."""
        self.nums.clear()
        del self.strs[:]

    def drop(self):
        """Ops that must not be recorded (the run has ended): their strings still go, so the
        string ids JavaScript knows stay in step with Python's."""
        self.nums.clear()

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

    def exit(self, actor, kind, repr_, traceback):
        self.nums.extend((EXIT, actor, OUTCOME_CODE[kind], self.new_sid(repr_),
                          self.new_sid(traceback) if traceback else -1))

    def stage(self, op, *args):
        """One of the run's stages (TOP ... RUN_END); str arguments go as string ids."""
        self.nums.append(op)
        self.nums.extend(self.new_sid(a) if type(a) is str else a for a in args)

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


class Batch:
    """The handles of one loop iteration, as JavaScript writes them into this buffer: pairs of
    (handle id, actor) as unsigned 32-bit ints, so no string is built, sent and parsed."""

    def __init__(self):
        self.grow(256)

    def grow(self, pairs):
        """A buffer for at least `pairs` pairs; returns its address (JavaScript writes there)."""
        self.items = array('I', bytes(8 * pairs))
        return self.items.buffer_info()[0]

    def location(self):
        """(address, capacity in pairs): where JavaScript writes, and how much fits."""
        return self.items.buffer_info()[0], len(self.items) // 2

    def take(self, pairs):
        """The first `pairs` pairs, copied: what runs next may write the buffer again."""
        return self.items[:2 * pairs]

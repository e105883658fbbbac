"""The lines a step runs, as sys.monitoring reports them. The LINE callback runs for every line
of user code, so it only appends to a list and checks its length: consecutive repeats are
folded and the first MAX_LINES_RECORDED kept by whoever reads the list (JavaScript for a loop
step, take() for the top level). A step longer than CHUNK lines comes to overflow(), which
folds what it has so far and counts lines against --max-step-lines exactly."""

# A step's trace keeps its first this many lines: a hot loop would otherwise write millions.
MAX_LINES_RECORDED = 1000
# Raw lines a step may gather before they are folded and counted.
CHUNK = 1000


def fold(lines, into):
    """Appends `lines` to `into` without consecutive repeats, up to MAX_LINES_RECORDED."""
    for line in lines:
        if len(into) >= MAX_LINES_RECORDED:
            break
        if not into or into[-1] != line:
            into.append(line)
    return into


class LineTracer:
    """One run's line tracer. `buf` holds the current step's raw lines; a loop step puts the
    line its task resumes on first (resumed() says whether it did: that entry is not a line
    run, so it does not count). `long` is set once a step has overflowed a chunk."""

    def __init__(self, max_step_lines, resumed, on_runaway):
        buf = self.buf = []
        first_limit = min(CHUNK, max_step_lines + 1)
        limit = first_limit
        kept = []     # a long step's lines, folded so far
        counted = 0   # a long step's lines run before buf
        self.long = False
        self.last = 0  # the last line traced before buf

        def on_line(code, line):
            buf.append(line)
            if len(buf) >= limit:
                overflow()

        def overflow():
            nonlocal limit, counted
            counted += len(buf) if self.long else len(buf) - resumed()
            line = self.last = buf[-1]
            fold(buf, kept)
            del buf[:]
            self.long = True
            if counted > max_step_lines:
                on_runaway(line)
            limit = min(CHUNK, max_step_lines + 1 - counted)

        def take():
            """The step's lines, folded; the tracer starts the next step."""
            nonlocal limit, counted, kept
            if buf:
                self.last = buf[-1]
            lines = fold(buf, kept)  # kept is empty unless the step was long
            del buf[:]
            kept = []
            counted = 0
            limit = first_limit
            self.long = False
            return lines

        self.on_line = on_line
        self.take = take

    def current_line(self):
        """The line running now (a step that has run none yet is on the line it resumed on)."""
        buf = self.buf
        return buf[-1] if buf else self.last

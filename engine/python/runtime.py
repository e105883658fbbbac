"""One run's state on the Python side: the handles, the actors, and the per-callback work (run
it, note its lines, say what it waits on). Everything goes into the op buffer (ops.py); the
TypeScript scheduler reads it once per loop iteration. Mixed in: the clock mirror
(clock_mirror.py), the select step (selection.py), what a step leaves (step_reports.py), the
run's stages (stages.py) and actors (actors.py); the virtual world is run_world.py's."""

from asyncio import base_events, format_helpers
from asyncio.log import logger

from .actors import Actors
from .capture import Capture
from .clock_mirror import ClockMirror
from .stages import Stages
from .faults import RunEnded
from .lines import LineTracer
from .handles import step_handle
from .ops import CANCEL, CLOCK, END, JOB, SENT, STOP, WAIT, Batch, Ops
from .run_world import RunWorld
from .selection import Selection
from .step_reports import StepReports
from .world import trail
from .world.files import DEFAULT_DISK_LATENCY, DEFAULT_MAX_FILE_BYTES
from .world.net import DEFAULT_MAX_NETWORK_BYTES, DEFAULT_MAX_SOCKETS, Net
from .world.threads import DEFAULT_MAX_THREADS


def _option(opts, name, default):
    """An optional cap: its default when the options leave it out (0 is a cap of 0)."""
    value = getattr(opts, name, None)
    return default if value is None else int(value)


def _report_failed(h, exc):
    """What Handle._run does with a callback's exception."""
    cb = format_helpers._format_callback_source(h._callback, h._args, debug=h._loop.get_debug())
    context = {'message': f'Exception in callback {cb}', 'exception': exc, 'handle': h}
    if h._source_traceback:
        context['source_traceback'] = h._source_traceback
    h._loop.call_exception_handler(context)


class Run(Actors, Stages, ClockMirror, Selection, StepReports):
    def __init__(self, channel, filename, opts, make_describer):
        self.channel = channel
        self.filename = filename
        self.max_tasks = int(opts.maxTasks)
        self.max_output = int(opts.maxOutputBytes)
        self.max_time = float(opts.maxTime)
        self.max_step_lines = int(opts.maxStepLines or 20_000_000)
        self.max_threads = _option(opts, 'maxThreads', DEFAULT_MAX_THREADS)
        self.max_file_bytes = _option(opts, 'maxFileBytes', DEFAULT_MAX_FILE_BYTES)
        self.disk_latency = DEFAULT_DISK_LATENCY  # the program's directive sets it (program.py)
        self.tracer = LineTracer(self.max_step_lines, lambda: 1 if self.cur in self.waits else 0,
                                 self._runaway)
        self.now = 0.0
        self.readings = 0
        self.output_bytes = 0
        self.ops = Ops()
        self.batch = Batch()
        self.describer = make_describer(self.ops)
        # Task state for the inspector (capture.py): on unless the options say capture: false.
        self.capture = Capture(self, filename) if opts.capture is not False else None
        self.handles = {}
        self.next_hid = 1
        self.next_actor = 1
        self.task_count = 0
        self.task_names = 0
        self.tasks = {}       # id(task) -> (weakref, actor)
        self.cb_actors = {}   # (qualname, actor it serves) -> [actor, live handles]
        self.waits = {}       # actor -> its current wait, as WaitDescriber.describe gives it
        self.sleep_deadline = {}
        self.cur = 0          # the actor running now; 0 = the program's top level
        self.ended = None
        self.stash = None
        self.loop_depth = 0
        self.main_actor = 0   # the actor a program without asyncio runs as
        # The virtual world: the loop thread's time is this run's clock mirror.
        self.world = RunWorld(self)
        self.net = Net(self.world, _option(opts, 'maxSockets', DEFAULT_MAX_SOCKETS),
                       _option(opts, 'maxNetworkBytes', DEFAULT_MAX_NETWORK_BYTES),
                       self._net_cap, self._stuck)
        trail.attach(trail.Recorder(self.ops.nums, self.ops.sid, self.net.where, SENT, JOB))
        self.selectors = {}   # loop id -> (loop, its VirtualSelector)

    # -- the virtual world's run-ending faults -----------------------------------------------------
    def _net_cap(self, message, option):
        self.flush()  # what the program printed before stays in the trace
        self.end(RunEnded('capNetwork', message, option, self.current_line()))

    def _stuck(self, message):
        self.flush()
        self.end(RunEnded('deadlock', f'deadlock: {message}', None, self.current_line()))

    def current_line(self):
        return self.tracer.current_line()

    def flush(self):
        """Hands the buffered ops and the clock to the scheduler (before a loop runs).
        After the run has ended (a cap, a deadlock) nothing more is recorded: asyncio.run's
        teardown still cancels and wakes tasks, but the trace ends where the run did."""
        if self.ended is not None:
            self.ops.drop()
            return
        self.ops.nums += (CLOCK, self.now, self.readings)
        self.channel.flush()
        self.ops.clear()

    def stage(self, op, *args):
        """A stage of the run (ops.py's TOP ... RUN_END), applied at once after the ops before
        it; those are dropped if the run has ended, the stage itself never is."""
        ops = self.ops
        if self.ended is not None:
            ops.drop()
        else:
            if self.capture is not None and self.loop_depth == 0:
                self.capture.top_done()
            ops.nums += (CLOCK, self.now, self.readings)
        ops.stage(op, *args)
        self.channel.flush()
        ops.clear()

    # -- scheduling (called by the loop) ---------------------------------------------------------
    def cancelled(self, lid, handle):
        handles = self.handles
        hid = handle._hid
        if hid in handles:
            del handles[hid]
            self.handle_gone(handle)
            self.ops.nums += (CANCEL, lid, hid)

    def stop(self, lid):
        self.ops.nums.extend((STOP, lid))

    # -- one loop iteration's callbacks --------------------------------------------------------
    def run_batch(self, pairs, now, readings, budget):
        """Runs the iteration's ready handles (`pairs` of them in self.batch), at most `budget`.
        Returns 0 (ran them all), 1 (one raised out of the loop) or 2 (the step cap).
        The loop body does what Handle._run does, inlined: this is the hottest code in the
        engine, so it avoids calls into C where an operator does (each costs more in WebAssembly)."""
        ops = self.ops
        ops.clear()
        self.now = float(now)
        self.readings = int(readings)
        handles = self.handles
        nums = ops.nums
        waits = self.waits
        describe = self.describer.describe
        sleep_deadline = self.sleep_deadline
        tracer = self.tracer
        buf = tracer.buf
        capture = self.capture
        vals = iter(self.batch.take(pairs))
        status = 0
        ran = 0
        for hid, actor in zip(vals, vals):
            # _run_once's `handle = self._ready.popleft()`: the previous handle goes now, and a
            # task, future or result only it held is finalized here, as in CPython.
            h = None
            try:
                h = handles[hid]
            except KeyError:
                continue  # cancelled meanwhile; CANCEL already told the scheduler
            if ran >= budget:
                status = 2
                break
            del handles[hid]
            ran += 1
            if type(h) is tuple:  # a C Task's step (loop.call_soon)
                cb, ctx, task, loop = h
                args = ()
            else:
                e = h._ent
                if e is not None:
                    e[1] -= 1
                task = h._task  # the loop found it when the handle was made
                loop = h._loop
                cb = h._callback
                if task is not None:
                    ctx = h._context
                    args = h._args  # a wakeup's future
            self.cur = actor
            if task is not None and actor in waits:
                buf.append(waits[actor][2])  # the line it resumes on
            if loop._debug:
                if not self._run_debug(loop, h if type(h) is not tuple else step_handle(h)):
                    status = 1
            elif task is not None:
                # Handle._run without its frame: a task's step or wakeup raises nothing but
                # what Handle._run re-raises anyway (the task keeps every other exception).
                try:
                    if args:
                        ctx.run(cb, *args)
                    else:
                        ctx.run(cb)
                except (SystemExit, KeyboardInterrupt) as exc:
                    self.stash = exc
                    status = 1
                except BaseException as exc:
                    try:
                        _report_failed(h if type(h) is not tuple else step_handle(h), exc)
                    except BaseException as exc2:
                        self.stash = exc2
                        status = 1
            else:
                try:
                    h._run()
                except BaseException as exc:
                    self.stash = exc
                    status = 1
            self.cur = 0
            # The step's raw lines; JavaScript folds repeats (lines.py).
            if tracer.long:
                lines = tracer.take()
                nums += (END, actor, len(lines))
                nums += lines
            elif buf:
                tracer.last = buf[-1]
                nums += (END, actor, len(buf))
                nums += buf
                del buf[:]
            else:
                nums += (END, actor, 0)
            if capture is not None:
                capture.after_end(actor, task)
            if task is not None:
                # A task waiting on a future is not done: one attribute read for the commonest
                # case. No waiter: it finished, or it rescheduled itself (sleep(0), a bare
                # yield), which needs nothing reported.
                waiter = task._fut_waiter
                if waiter is not None:
                    # hit = (kind, expr, line, kind code, expr's string id): see describe
                    hit = waits[actor] = describe(task, waiter)
                    if hit[0] == 'timer':  # _waiting's commonest case, inlined
                        nums += (WAIT, actor, hit[3], hit[4], hit[2],
                                 sleep_deadline.get(actor, -1.0), 0)
                    else:
                        self._waiting(actor, waiter, hit)
                elif task.done():
                    self._task_exited(task, actor)
            if capture is not None:
                capture.step_done(actor, task)
            # Only h holds the step's callback, task and arguments now, as CPython's `handle`.
            cb = ctx = args = task = waiter = None
            if status:
                break
        # _run_once's `handle = None`. A finished coroutine's frame kept by a traceback links
        # this frame as its f_back (take_ownership in CPython's frame.c), so locals left here
        # would keep the last task alive in a cycle until the collector ran.
        h = cb = ctx = args = task = loop = waiter = None
        nums += (CLOCK, self.now, self.readings)
        return status

    def _run_debug(self, loop, h):
        """A callback as BaseEventLoop._run_once runs it in debug mode: timed (two clock
        readings), and logged when it held the loop for slow_callback_duration or more."""
        try:
            loop._current_handle = h
            t0 = self.time()
            h._run()
            dt = self.time() - t0
            if dt >= loop.slow_callback_duration:
                logger.warning('Executing %s took %.3f seconds', base_events._format_handle(h), dt)
        except BaseException as exc:
            self.stash = exc
            return False
        finally:
            loop._current_handle = None
            h = None  # this frame may outlive the call (a traceback's f_back): run_batch's h holds it
        return True

    def _runaway(self, line):
        """--max-step-lines: a step ran that many lines without an await (lines.py counts)."""
        self.end(RunEnded('runaway', f'runaway step: {self.max_step_lines:,} lines ran without '
                          f'an await, at line {line} (raise it with --max-step-lines)',
                          '--max-step-lines', line))

"""The stages of a run around its loop iterations, mixed into Run (runtime.py): output with
its cap, a loop starting and stopping (the top level's steps), and the end of a loop run as a
result (a fault, a deadlock, a cap) instead of a crash."""

from .faults import RunEnded
from .ops import RESUME, TOP

# The trace keeps the first and last halves of the output cap (engine/core/output-cut.ts), so a
# long output costs no memory; printing stops the run only at this many times the cap.
OUTPUT_STOP_FACTOR = 100


class Stages:
    """Mixed into Run, whose __init__ sets the fields used here."""

    # -- output ------------------------------------------------------------------------------
    def write(self, stream, text):
        if self.ended is not None:
            return
        n = len(text) if text.isascii() else len(text.encode('utf-8', 'surrogatepass'))
        if self.output_bytes + n > self.max_output * OUTPUT_STOP_FACTOR:
            self.end(RunEnded('capOutput', f'output cap reached: more than '
                              f'{self.max_output * OUTPUT_STOP_FACTOR} bytes printed, {OUTPUT_STOP_FACTOR} '
                              f'times what is kept (raise it with --max-output)', '--max-output',
                              self.current_line()))
        self.output_bytes += n
        self.ops.out(stream, text)

    # -- the loop starting and stopping ----------------------------------------------------------
    def loop_started(self):
        if self.loop_depth == 0 and self.ended is None:
            self.stage(TOP, ','.join(map(str, self.tracer.take())))
        self.loop_depth += 1

    def loop_stopped(self):
        self.loop_depth -= 1
        if self.loop_depth == 0 and self.ended is None:
            self.tracer.take()
            self.stage(RESUME)

    def release(self):
        """At exit: let go of what a CPython loop would lose with its module (pending handles,
        callback functions that hold the program's globals) so the collector can finalize it."""
        self.handles.clear()
        self.cb_actors.clear()
        self.selectors.clear()
        self.stash = None

    # -- the end of a loop run ---------------------------------------------------------------
    def end(self, err):
        if self.ended is None:
            self.ended = err
        raise self.ended

    def check_can_run(self):
        if self.ended is not None:
            raise self.ended

    def after_loop(self, status):
        if status == 'ok':
            return
        if status == 'aborted':
            e = self.stash
            self.stash = None
            if isinstance(e, RunEnded):
                self.end(e)
            if isinstance(e, KeyboardInterrupt) and self.channel.interrupted():
                # The host's watchdog stopped a runaway step: asyncio.run's teardown (cancel
                # every task, run the loop again) must not become the next runaway.
                self.ended = RunEnded('runaway', 'interrupted by the host', None, self.current_line())
            raise e
        if status == 'deadlock':
            self.end(RunEnded('deadlock', self.deadlock_message()))
        if status == 'capSteps':
            self.end(RunEnded('capSteps', 'step cap reached (raise it with --max-steps)',
                              '--max-steps'))
        if status == 'capTime':
            self.end(RunEnded('capTime', 'virtual time cap reached (raise it with --max-time)',
                              '--max-time'))
        raise RuntimeError(f'Loopscope: unknown loop status {status}')

    def deadlock_message(self):
        parts = []
        for ref, actor in self.tasks.values():
            task = ref()
            if task is None or task.done():
                continue
            w = self.waits.get(actor)
            what = f'{w[1]} (line {w[2]})' if w is not None else 'nothing it can get'
            parts.append(f'{task.get_name()} waits on {what}')
        if not parts:
            return 'deadlock: the loop has nothing to run and nothing to wait for'
        return 'deadlock: ' + '; '.join(parts)

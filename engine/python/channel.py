"""The run's only way to JavaScript: a character device the engine registers in Pyodide's file
system (engine/python/channel.ts). What Python tells the host goes into the op buffer (ops.py);
a command written to the device has JavaScript apply those ops and then do what the command
says (run a loop, make a loop, ask about an interrupt), calling back into Python through the
proxies JavaScript holds (Run.run_batch, select_io, process_io). The write's return value is
the command's answer. So during a run Python holds no JavaScript object at all: only this file
descriptor, an int."""

import os

# Commands: the first byte of a write; must match Command in engine/python/channel.ts.
FLUSH, LOOP, ONCE, FOREVER, INTERRUPTED = range(1, 6)
# A loop run's outcome, as the write returns it: must match LOOP_STATUS in host.ts.
LOOP_STATUS = ('ok', 'deadlock', 'capTime', 'capSteps', 'aborted', 'interrupted')

_write = os.write  # the engine's own reference: a program that patches os.write fools only itself


class ChannelError(Exception):
    """The device answered what no command answers: the channel was tampered with."""


class Channel:
    def __init__(self, fd):
        self.fd = fd

    def flush(self):
        """The host applies the ops buffered so far."""
        _write(self.fd, b'\x01')

    def new_loop(self):
        """A new scheduler on the JavaScript side; its id."""
        return _write(self.fd, b'\x02')

    @staticmethod
    def loop_commands(lid):
        """The ONCE and FOREVER commands of loop `lid`, made once per loop."""
        b = lid.to_bytes(4, 'little')
        return bytes((ONCE,)) + b, bytes((FOREVER,)) + b

    def run_loop(self, command):
        """Runs a loop (one iteration or until it stops); its outcome, as LOOP_STATUS names it."""
        status = _write(self.fd, command)
        if status >= len(LOOP_STATUS):
            raise ChannelError(f'the host answered {status} to a loop run')
        if status == 5:
            raise KeyboardInterrupt
        return LOOP_STATUS[status]

    def interrupted(self):
        """Whether the host's watchdog interrupted Python since the run began."""
        return _write(self.fd, b'\x05') == 1

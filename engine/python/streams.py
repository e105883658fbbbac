"""sys.stdout and sys.stderr for a run: text goes to the trace as it is written (patches.py
swaps them in)."""

import codecs
import io

from . import state


class _Binary(io.RawIOBase):
    """sys.stdout.buffer: bytes decoded as UTF-8 (incrementally: a character may be split)."""

    def __init__(self, name, errors):
        self.name = name
        self._decoder = codecs.getincrementaldecoder('utf-8')(errors)

    def writable(self):
        return True

    def write(self, b):
        text = self._decoder.decode(bytes(b))
        if text:
            state.run.write(self.name, text)
        return len(b)


class Stream(io.TextIOBase):
    """sys.stdout / sys.stderr: text goes to the trace as it is written (no buffering to lose)."""

    def __init__(self, name, errors):
        self.name = name
        self._errors = errors
        self.buffer = _Binary(name, errors)

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        if s:
            state.run.write(self.name, s)
        return len(s)

    def writable(self):
        return True

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return 'utf-8'

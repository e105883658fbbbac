"""open() on the run's disk (files.py has the model): io's own layers over a FileIO whose reads and
writes that reach the file cost the disk latency."""

import io

from . import disk as _disk


class DiskFileIO(io.FileIO):
    """io.FileIO on the run's disk: each read or write that reaches the file costs the latency
    (the buffered and text layers above it are io's own, so a buffered read of many lines is
    one operation per buffer fill)."""

    def __init__(self, file, mode='r', closefd=True, opener=None):
        disk = _disk.active
        if opener is None:
            disk.spend()
        super().__init__(file, mode, closefd, opener)
        self._loopscope_disk = disk

    def readinto(self, b):
        self._loopscope_disk.spend()
        return super().readinto(b)

    def read(self, size=-1):
        self._loopscope_disk.spend()
        return super().read(size)

    def readall(self):
        self._loopscope_disk.spend()
        return super().readall()

    def write(self, b):
        disk = self._loopscope_disk
        n = memoryview(b).nbytes
        disk.grow(super().tell() + n, n)
        disk.spend()
        return super().write(b)

    def truncate(self, size=None):
        disk = self._loopscope_disk
        if size is not None:
            disk.grow(size, 0)
        disk.spend()
        return super().truncate(size)


def _open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
          closefd=True, opener=None):
    """builtins.open / io.open: the standard library's own open for anything off the disk; on
    the disk, _pyio.open's layering over a DiskFileIO (the layers above it are io's C classes)."""
    disk = _disk.active
    if disk is None or isinstance(file, float) or not disk.on_disk(file):
        return _disk.real['open'](file, mode, buffering, encoding, errors, newline, closefd, opener)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary "
                      "mode, the default buffer size will be used", RuntimeWarning, 2)
    raw = DiskFileIO(file, (creating and "x" or "") + (reading and "r" or "") +
                     (writing and "w" or "") + (appending and "a" or "") +
                     (updating and "+" or ""), closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = max(min(getattr(raw, '_blksize', 0) or io.DEFAULT_BUFFER_SIZE, 8192 * 1024),
                            io.DEFAULT_BUFFER_SIZE)
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = io.BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = io.BufferedWriter(raw, buffering)
        elif reading:
            buffer = io.BufferedReader(raw, buffering)
        else:
            raise ValueError("unknown mode: %r" % mode)
        result = buffer
        if binary:
            return result
        encoding = io.text_encoding(encoding)
        text = io.TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except BaseException:
        result.close()
        raise

"""One run's disk (files.py has the model): its latency, its open descriptors and the bytes written
so far. `active` is the run in progress (one run at a time), set by files.install(); `real` holds
the os and io functions as they were before any run replaced them."""

DEFAULT_DISK_LATENCY = 0.005
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
# The run's disk: the working directory the hosts mount fresh, and /tmp.
HOME = '/home/pyodide'
DISK_ROOTS = (HOME, '/tmp')

real = {}
active = None


class Disk:
    """One run's disk: its latency, its open descriptors, and the bytes written so far.
    fail(kind, message, option) ends the run (it raises)."""

    def __init__(self, world, fail, latency=DEFAULT_DISK_LATENCY, max_bytes=DEFAULT_MAX_FILE_BYTES):
        self.world = world
        self.fail = fail
        self.latency = latency
        self.max_bytes = max_bytes
        self.written = 0
        self.fds = set()
        # (st_dev, st_ino) of the files bind() made for AF_UNIX sockets: stat says S_IFSOCK.
        self.sockets = set()
        self.saved = None

    def on_disk(self, path):
        if isinstance(path, int):
            return path in self.fds
        try:
            p = real['fspath'](path)
        except TypeError:
            return False
        if isinstance(p, bytes):
            p = p.decode('utf-8', 'surrogateescape')
        p = real['normpath'](real['join'](real['getcwd'](), p))
        return any(p == r or p.startswith(r + '/') for r in DISK_ROOTS)

    def spend(self):
        if self.latency > 0:
            self.world.block(self.latency)

    def grow(self, end, n):
        """A write of n bytes reaching offset `end`: within the cap, or the run ends."""
        self.written += n
        if self.written > self.max_bytes or end > self.max_bytes:
            self.fail('capFiles', f'file cap reached: more than {self.max_bytes:,} bytes written to '
                      'files (raise it with --max-file-bytes)', '--max-file-bytes')

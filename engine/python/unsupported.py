"""What a virtual clock cannot do: the loop methods for network and pipe I/O,
subprocesses and signals raise NotImplementedError saying why (a mixin of VirtualLoop), and
the messages patches.py reuses for the module-level equivalents."""

_NO_PROCESSES = ("process pools are not available in Loopscope: the program runs in a sandbox "
                 "that cannot start processes; a ThreadPoolExecutor runs on virtual threads")
_NO_IO = ("network and pipe I/O is not available in Loopscope: the program runs on a "
          "virtual clock with no real sockets; simulate the wait with asyncio.sleep()")
_NO_SUBPROCESS = ("subprocesses are not available in Loopscope: the program runs in a "
                  "sandbox that cannot start processes")
_NO_SIGNALS = ("signals are not available in Loopscope: nothing outside the program can "
               "send one to the virtual loop")


class Unsupported:
    """Mixed into VirtualLoop ahead of BaseEventLoop, whose versions these replace."""

    async def getaddrinfo(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def getnameinfo(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def create_connection(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def create_server(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def create_unix_connection(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def create_unix_server(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def create_datagram_endpoint(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def connect_accepted_socket(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def connect_read_pipe(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def connect_write_pipe(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def sock_recv(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def sock_sendall(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def sock_connect(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def sock_accept(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def sendfile(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def start_tls(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    def add_reader(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    def add_writer(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    def remove_reader(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    def remove_writer(self, *args, **kwargs):
        raise NotImplementedError(_NO_IO)

    async def subprocess_exec(self, *args, **kwargs):
        raise NotImplementedError(_NO_SUBPROCESS)

    async def subprocess_shell(self, *args, **kwargs):
        raise NotImplementedError(_NO_SUBPROCESS)

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError(_NO_SIGNALS)

    def remove_signal_handler(self, sig):
        raise NotImplementedError(_NO_SIGNALS)

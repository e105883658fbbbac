"""What a virtual clock cannot do: the loop methods for pipes, TLS,
subprocesses and signals raise NotImplementedError saying why (a mixin of VirtualLoop), and
the messages patches.py reuses for the module-level equivalents."""

_NO_PROCESSES = ("process pools are not available in Loopscope: the program runs in a sandbox "
                 "that cannot start processes; a ThreadPoolExecutor runs on virtual threads")
_NO_PIPES = ("pipes to other processes are not available in Loopscope: the program runs in a "
             "sandbox that cannot start processes")
_NO_TLS = ("TLS is not available on Loopscope's virtual network: its built-in hosts speak plain "
           "HTTP on port 80")
_NO_SUBPROCESS = ("subprocesses are not available in Loopscope: the program runs in a "
                  "sandbox that cannot start processes")
_NO_SIGNALS = ("signals are not available in Loopscope: nothing outside the program can "
               "send one to the virtual loop")


class Unsupported:
    """Mixed into VirtualLoop ahead of BaseEventLoop, whose versions these replace."""

    async def connect_read_pipe(self, *args, **kwargs):
        raise NotImplementedError(_NO_PIPES)

    async def connect_write_pipe(self, *args, **kwargs):
        raise NotImplementedError(_NO_PIPES)

    async def start_tls(self, *args, **kwargs):
        raise NotImplementedError(_NO_TLS)

    async def subprocess_exec(self, *args, **kwargs):
        raise NotImplementedError(_NO_SUBPROCESS)

    async def subprocess_shell(self, *args, **kwargs):
        raise NotImplementedError(_NO_SUBPROCESS)

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError(_NO_SIGNALS)

    def remove_signal_handler(self, sig):
        raise NotImplementedError(_NO_SIGNALS)

"""What a suspended task waits on: walks the cr_await chain from task.get_coro() (user frames
first, asyncio's own last) and names the wait by the asyncio coroutine the user's frame awaits.
Results are cached per (code, instruction) so a hot loop pays for one dict lookup."""

import ast
import types
from asyncio import tasks

from . import state
from .ops import WAIT_CODE
from .world.threads import Future as _WorkerFuture

_Task = tasks.Task

# The asyncio coroutine a user frame is suspended in -> the wait kind the stage shows.
_KIND_BY_QUALNAME = {
    'sleep': 'timer',
    'Queue.get': 'queue',
    'Queue.put': 'queue',
    'Queue.join': 'queue',
    'Lock.acquire': 'lock',
    'Event.wait': 'event',
    'Semaphore.acquire': 'semaphore',
    'BoundedSemaphore.acquire': 'semaphore',
    'Condition.wait': 'condition',
    'Condition.wait_for': 'condition',
    'Barrier.wait': 'barrier',
    'Barrier._block': 'barrier',
    'Barrier._wait': 'barrier',
    'wait': 'task',
    '_wait': 'task',
    'wait_for': 'future',
    'as_completed': 'task',
    'TaskGroup.__aexit__': 'task',
    'TaskGroup._aexit': 'task',
    'to_thread': 'io',
}
# The asyncio coroutines that wait on the network: kind 'io', described by what they wait on.
_IO_READ = ('StreamReader.read', 'StreamReader.readline', 'StreamReader.readexactly',
            'StreamReader.readuntil', 'StreamReader._wait_for_data', 'StreamReader.__anext__')
_IO_WRITE = ('StreamWriter.drain', 'FlowControlMixin._drain_helper')
_IO_SOCK = {'BaseSelectorEventLoop.sock_recv': 'read from',
            'BaseSelectorEventLoop.sock_recv_into': 'read from',
            'BaseSelectorEventLoop.sock_recvfrom': 'read from',
            'BaseSelectorEventLoop.sock_recvfrom_into': 'read from',
            'BaseSelectorEventLoop.sock_sendall': 'write to',
            'BaseSelectorEventLoop.sock_sendto': 'write to',
            'BaseSelectorEventLoop.sock_accept': 'accept on',
            'BaseSelectorEventLoop.sock_connect': 'connect to'}
_IO_CONNECT = ('open_connection', 'BaseEventLoop.create_connection', 'start_server',
               'BaseEventLoop.create_server', 'BaseEventLoop.create_datagram_endpoint',
               'BaseEventLoop.sock_connect')
for _q in _IO_READ + _IO_WRITE + tuple(_IO_SOCK) + _IO_CONNECT:
    _KIND_BY_QUALNAME[_q] = 'io'


def _where(addr):
    run = state.run
    if not addr:
        return 'a socket'
    if isinstance(addr, tuple) and run is not None:
        return run.net.where(addr)
    return str(addr)


def _transport_sock(stream):
    transport = getattr(stream, '_transport', None)
    return transport.get_extra_info('socket') if transport is not None else None


def io_expr(qualname, frame_locals):
    """'read from 127.0.0.1:8888', 'write to example.com:80 (buffer full)', 'accept on ...',
    'connect to ...': what an I/O wait waits on, from the asyncio coroutine's locals."""
    try:
        if qualname in _IO_READ or qualname in _IO_WRITE:
            sock = _transport_sock(frame_locals.get('self'))
            if sock is None:
                return ''
            if qualname in _IO_READ:
                return f'read from {_where(sock.getpeername())}'
            return f'write to {_where(sock.getpeername())} (buffer full)'
        verb = _IO_SOCK.get(qualname)
        if verb is not None:
            if verb == 'connect to':
                return f'connect to {_where(frame_locals.get("address"))}'
            sock = frame_locals.get('sock')
            if verb == 'accept on':
                return f'accept on {_where(sock.getsockname())}'
            return f'{verb} {_where(sock.getpeername())}' + (' (buffer full)' if verb == 'write to' else '')
        if qualname in _IO_CONNECT:
            host, port = frame_locals.get('host'), frame_locals.get('port')
            if qualname in ('start_server', 'BaseEventLoop.create_server'):
                return f'listen on {host}:{port}'
            if host is not None:
                return f'connect to {_where((host, port))}'
    except Exception:
        pass
    return ''


_Function = types.FunctionType
_CORO = types.CoroutineType
_GEN = types.GeneratorType


class AwaitIndex:
    """The user's source: await expressions by position, and line texts."""

    def __init__(self, source, tree):
        self.lines = source.splitlines()
        self.by_pos = {}
        self.by_line = {}
        if tree is None:
            return
        for node in ast.walk(tree):
            if isinstance(node, ast.Await):
                text = ast.get_source_segment(source, node.value) or ''
                text = ' '.join(text.split())
                self.by_pos[(node.lineno, node.col_offset)] = text
                self.by_line.setdefault(node.lineno, text)

    def expr_at(self, code, lasti, line):
        positions = None
        try:
            positions = list(code.co_positions())[lasti // 2]
        except (IndexError, ValueError):
            pass
        if positions is not None and positions[0] is not None:
            text = self.by_pos.get((positions[0], positions[2]))
            if text is not None:
                return text
        text = self.by_line.get(line)
        if text is not None:
            return text
        if 0 < line <= len(self.lines):
            return self.lines[line - 1].strip().rstrip(':')
        return ''


class WaitDescriber:
    def __init__(self, filename, index, ops):
        self.filename = filename
        self.index = index
        self.ops = ops
        self.cache = {}
        self.keep = []

    def describe(self, task, waiter):
        """(kind, expr, line, kind code, expr string id) for a task suspended on `waiter`.
        Walks code objects, not frames: asking a coroutine for its frame makes a frame
        object, and only the innermost user frame is needed (for its instruction)."""
        node = task.get_coro()
        user = None   # the innermost coroutine or generator running the user's code
        user_code = None
        api = None    # the code of the asyncio coroutine it awaits, if any
        api_node = None
        filename = self.filename
        while True:
            t = type(node)  # type checks, not getattr with a default (a miss raises inside)
            if t is _CORO:
                code = node.cr_code
                nxt = node.cr_await
            elif t is _GEN:
                code = node.gi_code
                nxt = node.gi_yieldfrom
            else:
                break
            if code.co_filename == filename:
                user = node
                user_code = code
                api = None
            elif api is None and user is not None:
                api = code
                api_node = node
            node = nxt
        if user is None:
            return ('other', '', 0, WAIT_CODE['other'], self.ops.sid(''))
        frame = user.cr_frame if type(user) is _CORO else user.gi_frame
        lasti = frame.f_lasti
        # Code objects by id: hashing a code object hashes its bytecode, every time.
        key = (id(user_code), lasti, id(api), type(waiter))
        try:
            hit = self.cache[key]
        except KeyError:
            pass
        else:
            return hit if hit[0] != 'future' and hit[0] != 'io' else self._refine(waiter, hit, api, api_node)
        self.keep.append((user_code, api))  # the ids stay valid while the cache lives
        line = frame.f_lineno or 0
        expr = self.index.expr_at(user_code, lasti, line)
        if api is not None:
            kind = _KIND_BY_QUALNAME.get(api.co_qualname, 'other')
        elif isinstance(waiter, _Task) or type(waiter).__name__ == '_GatheringFuture':
            kind = 'task'
        else:
            kind = 'future'
        hit = (kind, expr, line, WAIT_CODE[kind], self.ops.sid(expr))
        self.cache[key] = hit
        return hit if kind != 'future' and kind != 'io' else self._refine(waiter, hit, api, api_node)

    def _refine(self, waiter, hit, api, api_node):
        """A future or I/O wait described afresh: a worker's job, else the socket it waits on."""
        worker = self._on_worker(waiter, hit, api)
        if worker is not hit or hit[0] != 'io':
            return worker
        return self._io(hit, api, api_node)
    def _io(self, hit, api, api_node):
        """An I/O wait names its socket's peer, so it is described afresh each time (the deepest
        asyncio frame that knows the socket: a read's StreamReader, a drain's StreamWriter)."""
        node = api_node
        best = ''
        while node is not None:
            t = type(node)
            if t is _CORO:
                frame, nxt = node.cr_frame, node.cr_await
            elif t is _GEN:
                frame, nxt = node.gi_frame, node.gi_yieldfrom
            else:
                break
            if frame is not None:
                text = io_expr(frame.f_code.co_qualname, frame.f_locals)
                if text:
                    best = text
            node = nxt
        if not best:
            return hit
        return (hit[0], best, hit[2], hit[3], self.ops.sid(best))
    def _on_worker(self, waiter, hit, api):
        """A wait on a worker thread's job (to_thread, run_in_executor, wrap_future): kind 'io',
        named by the job and its worker, e.g. "to_thread(fetch) on worker asyncio_0"."""
        source = _job_of(waiter)
        job = source.__dict__.get('_loopscope_job') if source is not None else None
        if job is None:
            return hit
        via = 'to_thread' if api is not None and api.co_qualname == 'to_thread' else 'run_in_executor'
        expr = f'{via}({job[0]}) on worker {job[1]}'
        # A sixth item: when the job's result arrives (the WAIT op's deadline, runtime.py).
        return ('io', expr, hit[2], WAIT_CODE['io'], self.ops.sid(expr),
                source.__dict__.get('_loopscope_done_at'))


def _job_of(waiter):
    """The worker's future (world/threads.py) an asyncio future is chained to by
    asyncio.wrap_future (found in its _call_check_cancel callback), or None. Reads closures
    only: no user code runs."""
    try:
        callbacks = waiter._callbacks
    except AttributeError:
        return None
    for item in callbacks or ():
        cb = item[0]
        if type(cb) is not _Function or cb.__name__ != '_call_check_cancel' or not cb.__closure__:
            continue
        for name, cell in zip(cb.__code__.co_freevars, cb.__closure__):
            if name == 'source':
                source = cell.cell_contents
                if isinstance(source, _WorkerFuture):
                    return source
    return None

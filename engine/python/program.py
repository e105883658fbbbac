"""Runs one user program from source to RunEnd: compile, a fresh __main__, asyncio on the
VirtualLoop, lines traced with sys.monitoring (PEP 669) local events on the user's own code
objects only, so asyncio's lines cost nothing; every fault a result, exit as CPython exits."""

import ast
import builtins
import gc
import linecache
import sys
import types
from asyncio import events

from . import faults, patches, state
from .channel import Channel
from .faults import End, RunEnded
from .loop import install as install_loop
from .ops import MAIN, MAIN_END, RUN_END, TOP
from .runtime import Run
from .waits import AwaitIndex, WaitDescriber
from .world import files
from .world.model import DirectiveError, apply_directives, parse_directives

_MON = sys.monitoring
_TOOL = 4  # a free sys.monitoring tool id (0-2 and 5 are taken by debuggers and profilers)


def _uses_asyncio(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split('.')[0] == 'asyncio' for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or '').split('.')[0] == 'asyncio':
            return True
    return False


def _code_objects(code):
    """The module's code object and every one nested in it (functions, classes, lambdas)."""
    found = [code]
    for c in found:
        found.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
    return found


def _csv(lines):
    return ','.join(map(str, lines))


class _Options:
    """The run's options (RunOptions) from the dict JavaScript converted; a missing one is None."""

    def __init__(self, values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        return None


def prepare(fd, source, filename, options):
    """The run of one program, before it starts: JavaScript takes from it what it calls
    (Run.run_batch, ...) and hands it to run_program. `fd` is the channel (channel.py),
    `options` a dict: nothing of JavaScript's stays with Python."""
    tree = None
    try:
        tree = ast.parse(source, filename)
    except SyntaxError:
        pass
    options = _Options(options)
    run = Run(Channel(fd), filename, options,
              lambda ops: WaitDescriber(filename, AwaitIndex(source, tree), ops))
    run.source, run.tree, run.opts = source, tree, options
    return run


def run_program(run):
    """Runs one prepared program; everything it does reaches the host; never raises."""
    source, tree, filename = run.source, run.tree, run.filename
    run.source = run.tree = None
    opts = run.opts
    run.opts = None
    state.run = run
    directive_error = None
    try:
        run.disk_latency = files.disk_latency(source)
    except files.DirectiveError as e:
        directive_error = e
    saved = patches.enter(run, int(opts.seed))
    install_loop()
    patches.hide_js(saved)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    main = types.ModuleType('__main__')
    main.__file__ = filename
    saved_main = sys.modules.get('__main__')
    sys.modules['__main__'] = main  # the only holder: freeing it at the end is the exit
    g = main.__dict__
    g['__builtins__'] = builtins
    del main
    end = End('ok')
    try:
        try:
            code = compile(source, filename, 'exec', dont_inherit=True)
        except SyntaxError as e:
            text, message, line, column = faults.syntax_error(e)
            _write(run, text)
            end = End('syntaxError', message, line=line, column=column)
            code = None
        if code is not None and directive_error is not None:
            _write(run, f'{filename}: {directive_error}\n')
            end = End('exception', f'bad directive: {directive_error}', line=directive_error.line)
            code = None
        if code is not None:
            try:
                apply_directives(run.net, parse_directives(source))
            except DirectiveError as e:
                _write(run, f'{filename}: loopscope directive error, {e}\n')
                end = End('syntaxError', f'loopscope directive error, {e}', line=e.line)
                code = None
        if code is not None:
            sync = tree is not None and not _uses_asyncio(tree)
            if sync:
                run.main_actor = run.cur = run.next_actor
                run.next_actor += 1
                run.stage(MAIN, run.main_actor)
            _MON.use_tool_id(_TOOL, 'loopscope')
            _MON.register_callback(_TOOL, _MON.events.LINE, run.tracer.on_line)
            capture = None if sync else run.capture
            if capture is not None:
                capture.globals = g
                capture.register(_TOOL)
            # Line events on the user's code objects only: asyncio's lines cost nothing at all.
            for c in _code_objects(code):
                _MON.set_local_events(_TOOL, c, _MON.events.LINE | (
                    capture.user_events(c) if capture is not None else 0))
            try:
                exec(code, g)
                end = End('ok')
            except BaseException as e:
                end = _fault(run, e)
            finally:
                _MON.set_events(_TOOL, 0)
                _MON.register_callback(_TOOL, _MON.events.LINE, None)
                if capture is not None:
                    capture.unregister(_TOOL)
                _MON.free_tool_id(_TOOL)
            if sync:
                failed = end.kind == 'exception'
                run.stage(MAIN_END, _csv(run.tracer.take()), 1 if failed else 0,
                          end.message if failed else 'None', '')
            else:
                run.stage(TOP, _csv(run.tracer.take()))
            # Interpreter exit: __main__ leaves sys.modules and is collected, finalizers first
            # (they still see the globals), so a pending task's `finally:` runs and "Task was
            # destroyed" / "exception was never retrieved" print where CPython prints them.
            del g
            sys.modules['__main__'] = saved_main
            events._get_event_loop_policy().set_event_loop(None)
            run.release()
            gc.collect()
    except BaseException as e:  # a fault in Loopscope itself
        end = End('internalError', f'internal error: {faults.last_line(e)}')
    finally:
        patches.leave(saved)
        if saved_main is not None:
            sys.modules['__main__'] = saved_main
        linecache.cache.pop(filename, None)
        if run.ended is not None:
            end = End.of(run.ended)
        state.run = None
        try:
            run.stage(RUN_END, end.record())
        except OSError:
            pass  # the channel failed: the host ends the run with its own reason (host.ts)
        finally:
            run.channel = None


def _fault(run, e):
    if run.ended is not None:
        return End('ok')
    if isinstance(e, RunEnded):
        run.ended = e
        return End('ok')
    if isinstance(e, SystemExit):
        code = e.code
        if code is None:
            return End('exit', 'exit status 0')
        if isinstance(code, int):
            return End('exit', f'exit status {code}', status=code & 0xFF)
        _write(run, f'{code}\n')
        return End('exit', 'exit status 1', status=1)
    _write(run, faults.user_traceback(e, run.filename))
    return End('exception', faults.last_line(e), line=run.current_line())


def _write(run, text):
    try:
        run.write('stderr', text)
    except RunEnded:
        pass

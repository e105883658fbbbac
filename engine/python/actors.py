"""Actors: the ids the trace gives tasks and callbacks. A task is an actor from its first
call_soon (Task.__init__ schedules its first step) to the end; a callback actor is reused by
the next handle of the same callback for the same task once its earlier handle is gone, so a
task's sleep timers are one actor. Tasks are found by id() with a weakref check: holding them
would keep a finished task alive past the moment CPython reports its unretrieved exception."""

import types
import weakref

from asyncio import tasks

from .callbacks import name_of, self_of
from .faults import RunEnded

_Task = tasks.Task
_Function = types.FunctionType


class Actors:
    """Mixed into Run, whose __init__ sets the fields used here."""

    def next_task_name(self):
        self.task_names += 1
        return f'Task-{self.task_names}'

    def task_actor(self, task):
        e = self.tasks.get(id(task))
        if e is not None and e[0]() is task:
            return e[1]
        return 0

    def actor_of(self, callback, handle):
        s = self_of(callback)
        if s is not None and isinstance(s, _Task):
            handle._ent = None
            e = self.tasks.get(id(s))
            if e is not None and e[0]() is s:
                return e[1]
            return self.spawn(s)
        # Plain functions (a sleep's timer callback) key by identity: no attribute lookups.
        fn = callback if type(callback) is _Function else None
        key = (fn, self.cur) if fn is not None else (name_of(callback)[0], self.cur)
        e = self.cb_actors.get(key)
        if e is None or e[1] > 0:
            actor = self.next_actor
            self.next_actor += 1
            qualname, module = name_of(callback)
            internal = module.startswith('asyncio')
            self.ops.actor(actor, 'callback', qualname, '', internal,
                           self.cur if internal else 0, 0 if internal else self.cur,
                           self.current_line())
            e = [actor, 0]
            self.cb_actors[key] = e
        e[1] += 1
        handle._ent = e
        return e[0]

    def spawn(self, task):
        if self.task_count >= self.max_tasks:
            self.end(RunEnded('capTasks', f'task cap reached: more than {self.max_tasks} tasks '
                              f'(raise it with --max-tasks)', '--max-tasks', self.current_line()))
        self.task_count += 1
        actor = self.next_actor
        self.next_actor += 1
        self.tasks[id(task)] = (weakref.ref(task), actor)
        try:
            task._loopscope_actor = actor  # the loop's call_soon reads it: no lookup per step
        except AttributeError:
            pass
        coro = task.get_coro()
        qn = getattr(coro, '__qualname__', None) or type(coro).__qualname__
        code = getattr(coro, 'cr_code', None)
        # asyncio's own tasks (asyncio.run's shutdown_asyncgens and the like) are plumbing.
        internal = code is not None and code.co_filename != self.filename and (
            '/asyncio/' in code.co_filename)
        self.ops.actor(actor, 'task', task.get_name(), qn, internal, 0, self.cur, self.current_line())
        if self.capture is not None:
            self.capture.task_made(task, actor)
        return actor

    def handle_gone(self, handle):
        e = handle._ent
        if e is not None:
            e[1] -= 1

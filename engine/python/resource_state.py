"""What a resource's state reads as at a step's end (resources.py sends it as RSTATE when it
changed): who holds it, who waits on it, and a value in words ("2 free", "3 items of 10")."""

from asyncio import locks, queues
from itertools import islice

from .reprs import DEPTH, _dict_of, _plain

MAX_LISTED = 100   # holders or waiters listed in one state; the rest are counted in its value


def state_of(res, find, queue):
    """(holders, waiters, value) of a resource now: `find` gives the resource an object is,
    `queue` is the resource's waiters in order (only the first MAX_LISTED are listed)."""
    obj = res.ref()
    if obj is None:
        return res.sent
    d = _dict_of(obj)
    kind = res.kind
    holders = res.holders
    value = ''
    if kind == 'lock' and not d.get('_locked'):
        holders.clear()
    elif kind == 'condition':
        inner = find(d.get('_lock'))
        holders = inner.holders if inner is not None else []
    elif kind == 'semaphore':
        value = f'{_plain(d.get("_value"), DEPTH)} free'
    elif kind == 'event':
        value = 'set' if d.get('_value') else 'not set'
    elif kind == 'queue':
        items = d.get('_queue')
        n = len(items) if type(items) in (list, queues.collections.deque) else 0
        size = d.get('_maxsize')
        value = f'{n} item{"" if n == 1 else "s"}' + (f' of {size}' if type(size) is int and size > 0 else '')
    elif kind == 'barrier':
        state = d.get('_state')
        if state is locks._BarrierState.BROKEN:
            value = 'broken'
        else:
            count, parties = _plain(d.get('_count'), DEPTH), _plain(d.get('_parties'), DEPTH)
            value = f'{count} of {parties} arrived'
    waiters = tuple(islice(queue, MAX_LISTED))  # not all: 20,000 waiters, every step
    more = len(queue) - MAX_LISTED
    if more > 0:
        value = f'{value}, {more:,} more waiting' if value else f'{more:,} more waiting'
    return (tuple(holders[:MAX_LISTED]), waiters, value)

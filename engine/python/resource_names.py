"""Where a resource is bound at the end of the step that made it, as its name: a local or global
(`first_lock`), an item of one (`savings[1]`), an attribute of `self` (`self.lock`) or of
another object; resources.py names it `Lock 3` when it is bound nowhere it looks."""

from .reprs import _dict_of

_module = type.__dict__['__module__'].__get__


def name_in(obj, scopes, res):
    """Where `obj` is bound in `scopes` (frame locals, module globals, innermost first)."""
    maker = res.maker() if res.maker is not None else None
    if maker is not None:
        for k, v in _dict_of(maker).items():
            if v is obj and type(k) is str:
                return f'self.{k}'
    for scope in scopes:
        for k, v in scope.items():
            if type(k) is not str or k.startswith('__'):
                continue
            if v is obj:
                return k
        for k, v in scope.items():
            if type(k) is not str or k.startswith('__'):
                continue
            t = type(v)
            if t is tuple or t is list:
                for i, item in enumerate(v[:16]):
                    if item is obj:
                        return f'{k}[{i}]'
            elif t is dict:
                for kk, item in list(v.items())[:16]:
                    if item is obj and type(kk) in (str, int):
                        return f'{k}[{kk!r}]'
            elif _module(t) != 'builtins' and not issubclass(t, type):
                for a, item in _dict_of(v).items():
                    if item is obj and type(a) is str:
                        return f'{k}.{a}'
    return None

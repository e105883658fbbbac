# Shared by the escape scenarios that look for a JavaScript object: the tests put it where a
# scenario says `# __REACHABLE_JS__`.


def reachable_js():
    """Any JavaScript object a program can find or make: a proxy among the objects the collector
    tracks and what they refer to, or one made by what Pyodide gives Python (to_js,
    create_proxy, JsException('Error', ...)). None if there is none."""
    import gc as _gc

    objects = _gc.get_objects()
    found = objects + _gc.get_referents(*objects)
    # The types first (a pass in C), the objects only if one of them is a JsProxy's.
    kinds = {t for t in set(map(type, found))
             if not issubclass(t, type) and any(c.__name__ == "JsProxy" for c in t.__mro__)}
    for o in found if kinds else ():
        if type(o) in kinds:
            return o
    for o in objects:
        try:
            if type(o).__name__ == "builtin_function_or_method" and o.__name__ in ("to_js", "create_proxy"):
                return o({})
            if isinstance(o, type) and o.__name__ == "JsException" and "__firstlineno__" not in vars(o):
                return o("Error", "made from Python").js_error
        except Exception:
            pass
    return None

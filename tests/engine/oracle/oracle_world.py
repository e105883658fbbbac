"""The engine's virtual world package (engine/python/world), imported as `loopscope_world`: in
Pyodide run-oracle.ts writes it beside these files; under native python3 it is loaded from the
repository."""

import importlib
import importlib.util
import os
import sys

NAME = 'loopscope_world'


def _load():
    try:
        return importlib.import_module(NAME)
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.normpath(os.path.join(here, '..', '..', '..', 'engine', 'python', 'world'))
    spec = importlib.util.spec_from_file_location(NAME, os.path.join(path, '__init__.py'),
                                                  submodule_search_locations=[path])
    module = importlib.util.module_from_spec(spec)
    sys.modules[NAME] = module
    spec.loader.exec_module(module)
    return module


world = _load()
for _sub in ('core', 'model', 'net', 'netapi', 'selector', 'loops', 'files', 'threads'):
    importlib.import_module(f'{NAME}.{_sub}')

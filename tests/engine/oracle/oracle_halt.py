"""How the oracle ends a run early, named as the engine's RunEnd kinds. BaseException, so a
program's `except Exception` lets them by, as it cannot catch the engine stopping it."""


class Halt(BaseException):
    kind = "halt"


class Deadlock(Halt):
    kind = "deadlock"


class CapSteps(Halt):
    kind = "capSteps"


class CapTime(Halt):
    kind = "capTime"


class CapNetwork(Halt):
    kind = "capNetwork"


class CapThreads(Halt):
    kind = "capThreads"


class CapFiles(Halt):
    kind = "capFiles"


HALTS = {h.kind: h for h in (Deadlock, CapSteps, CapTime, CapNetwork, CapThreads, CapFiles)}

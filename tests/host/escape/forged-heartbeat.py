# A spin loop that keeps the watchdog fed: the step hook the host hands the engine (onStep) and
# forged progress frames on fd 3 both look like step boundaries from outside. Before (673f2cb,
# Node 20): the program spun until killed by hand (the watchdog never fired).
import gc
import sys


def host():
    for mod in [sys.modules.get("_loopscope.state")] + [o for o in gc.get_objects() if type(o) is type(sys)]:
        if getattr(mod, "__name__", None) == "_loopscope.state" and mod.run is not None:
            return getattr(mod.run, "host", None)  # an int channel since Python holds no host
    return None


h = host()
beat = None
if h is not None:
    try:
        hooks = h.hooks
        beat = hooks.onStep
    except Exception:
        beat = None
print("heartbeat route:", "found" if beat else "none")
n = 10**6
while True:
    n += 1
    if beat is not None and n % 1000 == 0:
        beat(n)

# native: real
# concurrent.futures without asyncio: map keeps input order, as_completed yields by finishing
# time, a job's exception comes back through its future.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait


def nap(seconds):
    time.sleep(seconds)
    return seconds


def fail(message):
    raise ValueError(message)


with ThreadPoolExecutor(max_workers=3) as pool:
    print("map:", list(pool.map(nap, [0.3, 0.1, 0.2])))
    futures = [pool.submit(nap, s) for s in (0.3, 0.1, 0.2)]
    print("as_completed:", [f.result() for f in as_completed(futures)])
    bad = pool.submit(fail, "no such page")
    print("exception:", repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print("result raised:", e)
    done, not_done = wait([pool.submit(nap, 0.1), pool.submit(nap, 0.5)], timeout=0.3)
    print("wait(timeout=0.3):", len(done), "done,", len(not_done), "not done")
print("shut down")

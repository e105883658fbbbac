# native: real
# threading.Thread start/join: three threads sleep at once, join(timeout) returns early.
import threading
import time

results = {}


def worker(n):
    time.sleep(0.2 + n / 10)
    results[n] = threading.current_thread().name


print("main:", threading.current_thread().name, threading.main_thread().name)
print("threads before:", threading.active_count())
start = time.monotonic()
threads = [threading.Thread(target=worker, args=(n,), name=f"worker-{n}") for n in range(3)]
for t in threads:
    t.start()
print("threads running:", threading.active_count())
threads[2].join(timeout=0.05)
print("worker-2 alive after join(0.05):", threads[2].is_alive())
for t in threads:
    t.join()
print("alive after join:", [t.is_alive() for t in threads])
print("results:", sorted(results.items()))
print("threads after:", threading.active_count())
print(f"elapsed {round(time.monotonic() - start, 1)} s")
try:
    threads[0].start()
except RuntimeError as e:
    print("start again:", e)

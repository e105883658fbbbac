# Plain threads without asyncio: threading.Thread with start/join and a queue.Queue between a
# producer and two workers. A None per worker tells it to stop. Workers keep their own tallies,
# printed after join, so the output does not depend on which worker took which item.
# native: real
# virtual: deadlock waits forever
import queue
import threading

jobs = queue.Queue()
results = queue.Queue()


def worker(name):
    done = 0
    while (item := jobs.get()) is not None:
        results.put((item, item * 10))
        done += 1
        jobs.task_done()
    jobs.task_done()
    results.put((name, done))


workers = [threading.Thread(target=worker, args=(f"worker-{i}",), name=f"worker-{i}") for i in range(2)]
for t in workers:
    t.start()
print("started:", [t.name for t in workers], "alive:", all(t.is_alive() for t in workers))
for item in range(10):
    jobs.put(item)
for _ in workers:
    jobs.put(None)
jobs.join()
print("queue joined: every item was handled")
for t in workers:
    t.join(timeout=10)
print("alive after join:", any(t.is_alive() for t in workers))
answers, tallies = {}, {}
while not results.empty():
    key, value = results.get()
    (tallies if isinstance(key, str) else answers)[key] = value
print("answers:", [answers[i] for i in range(10)])
print("items per worker add up:", sum(tallies.values()), sorted(tallies))

lock = threading.Lock()
counter = 0


def add(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(1000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=10)
print("counter under a lock:", counter)
print("main thread:", threading.current_thread().name)

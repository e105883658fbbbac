import threading
import time


def work():
    time.sleep(1)


threads = [threading.Thread(target=work) for _ in range(10_000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("joined", len(threads))

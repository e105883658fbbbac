# A program without asyncio: its blocking calls advance the clock, its clocks read it.
import time

start = time.time()
mono = time.monotonic()
for step in range(3):
    time.sleep(0.5 + step)
    print(f"step {step} after {time.time() - start:.3f} s (monotonic {time.monotonic() - mono:.3f})")
t0 = time.perf_counter()
total = sum(range(100_000))
print(f"sum {total} took {time.perf_counter() - t0:.3f} s of clock time")

# A blocking open().read() inside a coroutine holds the loop: the other task cannot print until
# the read is done, and a heartbeat task never beats meanwhile. The same read through
# asyncio.to_thread lets the loop run the other task first (on the virtual disk it spends a
# worker's time, 50 ms an operation here, not the loop's). The order of the lines is forced by
# the awaits, not by how long the read takes.
# native: real
# loopscope: disk-latency=0.05
import asyncio
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
path = os.path.join(root, "big.txt")
with open(path, "w") as f:
    for i in range(20000):
        f.write(f"line {i}\n")


def read_file():
    with open(path) as f:
        return len(f.read().splitlines())


async def blocking_reader():
    print("blocking: reading inside the coroutine")
    lines = read_file()
    print("blocking: read", lines, "lines")


async def threaded_reader():
    print("to_thread: handing the read to a thread")
    lines = await asyncio.to_thread(read_file)
    print("to_thread: read", lines, "lines")


async def other():
    print("  other task runs")


async def heartbeat(beats):
    while True:
        await asyncio.sleep(0.01)
        beats.append(1)


async def main():
    beats = []
    task = asyncio.create_task(heartbeat(beats))
    lines = read_file()
    print("heartbeats during a blocking read:", len(beats), "for", lines, "lines")
    task.cancel()
    for reader in (blocking_reader, threaded_reader):
        await asyncio.gather(reader(), other())
        print("---")
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(asyncio.to_thread(read_file))
        second = tg.create_task(asyncio.to_thread(read_file))
    print("two reads in threads:", first.result(), second.result())


asyncio.run(main())
shutil.rmtree(root)

# native: real
# loopscope: disk-latency=0.05
# Reading a file with open() inside a coroutine blocks the loop for every disk operation; the
# same read through asyncio.to_thread spends a worker's time instead (the trace shows the stall).
import asyncio


def read_lines(path):
    with open(path) as f:
        return f.read().splitlines()


async def heartbeat(beats):
    while True:
        await asyncio.sleep(0.01)
        beats.append(1)


async def main():
    with open("big.txt", "w") as f:
        f.writelines(f"line {i}\n" for i in range(1000))
    beats = []
    task = asyncio.create_task(heartbeat(beats))
    lines = read_lines("big.txt")  # blocking: no heartbeat runs meanwhile
    print("in the coroutine:", len(lines), lines[-1], "beats:", len(beats))
    lines = await asyncio.to_thread(read_lines, "big.txt")
    print("through to_thread:", len(lines), lines[0])
    task.cancel()


asyncio.run(main())

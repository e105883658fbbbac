# native: real
# stderr: ZeroDivisionError
# Failures in threads: an exception in a Thread goes to threading.excepthook (stderr) and the
# program goes on; one in an executor job comes back through await.
import asyncio
import threading


def divide(a, b):
    return a / b


t = threading.Thread(target=divide, args=(1, 0), name="divider")
t.start()
t.join()
print("thread finished, alive:", t.is_alive())


async def main():
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, divide, 1, 0)
    except ZeroDivisionError as e:
        print("caught from the executor:", e)
    print(await loop.run_in_executor(None, divide, 6, 3))


asyncio.run(main())

# native: real
# asyncio.to_thread copies the caller's context: the worker sees the request id; what it sets
# stays in its copy. Its thread is the default executor's first worker.
import asyncio
import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="none")


def handle():
    seen = request_id.get()
    request_id.set("changed in the worker")
    return seen, threading.current_thread().name


async def main():
    request_id.set("request-1")
    seen, thread = await asyncio.to_thread(handle)
    print("worker saw:", seen)
    print("worker thread:", thread)
    print("after:", request_id.get())
    print("main thread:", threading.current_thread().name)


asyncio.run(main())

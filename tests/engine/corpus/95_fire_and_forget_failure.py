# A task that fails while nothing references it is freed at once, and asyncio reports its exception
# then: in the loop step that lets go of it, before the next callback prints anything. CPython's
# loop drops a handle when it takes the next one, or after the last of its iteration.
# native: real
# stderr: Task exception was never retrieved
import asyncio


def report(loop, context):
    task = context["future"]
    print(f"  reported: {context['message']} ({task.get_name()}: {context['exception']!r})")
    loop.default_exception_handler(context)  # the usual report on stderr too


async def fails(name, event=None):
    print(f"{name} raises")
    if event is not None:
        event.set()
    raise ValueError(name)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report)
    asyncio.create_task(fails("first"), name="first")
    print("main goes on")
    await asyncio.sleep(0)
    print("main after one step")

    asyncio.create_task(fails("second"), name="second")
    loop.call_soon(print, "a callback after the task")
    await asyncio.sleep(0)
    print("main after the callback")

    # The failing task is the last callback of its iteration: it goes after the iteration.
    event = asyncio.Event()
    asyncio.create_task(fails("third", event), name="third")
    await event.wait()
    print("main woken by third")


asyncio.run(main())
print("program ends")

# `del` of the last reference to a finished task frees it on that line: a failed one reports its
# never-retrieved exception there, a weak reference to it is dead on the next line, and one whose
# exception was retrieved goes without a report.
# native: real
# stderr: Task exception was never retrieved
import asyncio
import weakref


def report(loop, context):
    print(f"  reported: {context['message']} ({context['future'].get_name()})")
    loop.default_exception_handler(context)


async def work(fail):
    if fail:
        raise RuntimeError("failed")
    return "ok"


async def main():
    asyncio.get_running_loop().set_exception_handler(report)
    succeeds = asyncio.create_task(work(False), name="succeeds")
    fails = asyncio.create_task(work(True), name="fails")
    await asyncio.sleep(0)
    print("both done:", succeeds.done(), fails.done())

    ref = weakref.ref(succeeds)
    del succeeds
    print("after del succeeds, alive:", ref() is not None)

    ref = weakref.ref(fails)
    print("before del fails")
    del fails
    print("after del fails, alive:", ref() is not None)

    retrieved = asyncio.create_task(work(True), name="retrieved")
    await asyncio.sleep(0)
    print("its exception:", repr(retrieved.exception()))
    del retrieved
    print("after del retrieved: nothing reported")

    awaited = asyncio.create_task(work(False), name="awaited")
    ref = weakref.ref(awaited)
    print("awaited returns", await awaited)
    print("after the await, alive:", ref() is not None)
    del awaited
    print("after del awaited, alive:", ref() is not None)


asyncio.run(main())

# A pending task that nothing references is lost: it and the future it waits on hold each other,
# so only the garbage collector frees them, and then asyncio reports "Task was destroyed but it is
# pending!" and the coroutine is closed (its finally runs), during that gc.collect().
# native: real
# stderr: Task was destroyed but it is pending!
import asyncio
import gc


def report(loop, context):
    print(f"  reported: {context['message']} ({context['task'].get_name()})")
    loop.default_exception_handler(context)


async def waits_forever():
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        print("  waits_forever's finally runs")


async def main():
    asyncio.get_running_loop().set_exception_handler(report)
    gc.disable()  # only the explicit collection below, whatever the interpreter allocates
    kept = asyncio.create_task(waits_forever(), name="kept")
    asyncio.create_task(waits_forever(), name="lost")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("collecting")
    gc.collect()
    print("collected")
    kept.cancel()
    await asyncio.sleep(0)
    print("kept cancelled:", kept.cancelled())
    gc.enable()


asyncio.run(main())

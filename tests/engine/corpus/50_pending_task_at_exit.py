# A task still pending when the program ends is destroyed at exit, and its finally block runs then.
# Old style on purpose: asyncio.run would have cancelled the task before returning. The program's
# globals are still there then: the garbage collector runs finalizers before it clears anything.
import asyncio


def report(what):
    print(f"background's finally runs as the program exits: {what}")


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        report("module globals are still there")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.1)
    print(f"main done at {asyncio.get_running_loop().time():.3f}")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("last line of the program")

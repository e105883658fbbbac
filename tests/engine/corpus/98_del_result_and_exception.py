# __del__ of a task's result and of its exception runs when the last reference goes: the task's
# own once nobody holds the task, the caller's on `del`; an exception nobody retrieved is freed
# right after asyncio reports it.
# native: real
# stderr: Task exception was never retrieved
import asyncio


class Payload:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"  payload {self.name} freed")


class Failure(Exception):
    def __del__(self):
        print(f"  failure {self.args[0]} freed")


def report(loop, context):
    print(f"  reported: {context['message']} ({context['future'].get_name()})")
    loop.default_exception_handler(context)


async def make(name):
    return Payload(name)


async def fail(name):
    raise Failure(name)


async def main():
    asyncio.get_running_loop().set_exception_handler(report)
    task = asyncio.create_task(make("awaited"))
    payload = await task
    print("got", payload.name)
    del task
    print("dropped the task")
    del payload
    print("dropped the payload")

    asyncio.create_task(make("fire and forget"))
    await asyncio.sleep(0)
    print("after the fire-and-forget task")

    task = asyncio.create_task(fail("retrieved"))
    await asyncio.sleep(0)
    error = task.exception()
    print("retrieved", repr(error))
    del task
    print("dropped the task")
    del error
    print("dropped the error")

    asyncio.create_task(fail("never retrieved"))
    await asyncio.sleep(0)
    print("after the failing task")

    try:
        await fail("awaited")
    except Failure as e:
        print("caught", e.args[0])
    print("after the except block")


asyncio.run(main())

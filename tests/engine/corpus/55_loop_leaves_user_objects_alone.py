# asyncio never calls repr() or str() on a task's result or exception, nor looks up attributes on
# a callback object: user code with side effects in those methods runs only when the program asks.
import asyncio


class Result:
    def __repr__(self):
        print("Result.__repr__ called")
        return "Result()"


class Failure(Exception):
    def __str__(self):
        print("Failure.__str__ called")
        return "failure"


class Callback:
    def __call__(self):
        print("callback called")

    def __getattr__(self, name):
        print(f"Callback attribute {name} looked up")
        raise AttributeError(name)


async def succeed():
    await asyncio.sleep(0.1)
    return Result()


async def fail():
    await asyncio.sleep(0.1)
    raise Failure()


async def main():
    asyncio.get_running_loop().call_soon(Callback())
    result = await asyncio.create_task(succeed())
    try:
        await asyncio.create_task(fail())
    except Failure:
        print("caught the failure")
    print("got a", type(result).__name__)


asyncio.run(main())

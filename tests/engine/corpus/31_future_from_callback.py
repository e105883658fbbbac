# A bare Future resolved by plain callbacks: awaiting it waits until call_later sets the result.
import asyncio


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


async def main():
    loop = asyncio.get_running_loop()
    answer = loop.create_future()
    loop.call_later(0.7, answer.set_result, 42)
    print(f"waiting at {now()}, done={answer.done()}")
    print(f"answer {await answer} at {now()}")

    failure = loop.create_future()

    def fail():
        print(f"callback fails the future at {now()}")
        failure.set_exception(LookupError("nothing here"))

    loop.call_later(0.3, fail)
    try:
        await failure
    except LookupError as error:
        print(f"caught {error!r} at {now()}")

    cancelled = loop.create_future()
    loop.call_soon(cancelled.cancel)
    try:
        await cancelled
    except asyncio.CancelledError:
        print(f"future cancelled at {now()}")


asyncio.run(main())

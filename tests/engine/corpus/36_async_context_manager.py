# async with awaits in __aenter__ and __aexit__; contextlib's decorator gives the same.
import asyncio
import contextlib


def now():
    return f"{asyncio.get_running_loop().time():.3f}"


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"{self.name} open at {now()}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.2)
        print(f"{self.name} closed at {now()} (error: {exc_type.__name__ if exc_type else None})")
        return exc_type is KeyError


@contextlib.asynccontextmanager
async def session(name):
    await asyncio.sleep(0.05)
    print(f"session {name} begins at {now()}")
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0.05)
        print(f"session {name} ends at {now()}")


async def main():
    async with Connection("db") as conn:
        print(f"using {conn.name} at {now()}")
    async with Connection("cache"):
        raise KeyError("swallowed by __aexit__")
    async with session("s1") as token, Connection("nested"):
        print(f"inside with {token} at {now()}")


asyncio.run(main())

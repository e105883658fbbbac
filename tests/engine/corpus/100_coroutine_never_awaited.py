# Calling an async function without await makes a coroutine that never runs. When it is freed
# (at once if nothing keeps it, else on the `del` that drops it) CPython warns that it was never
# awaited, naming that line; the default filter shows a line's warning once.
# native: real
# stderr: was never awaited
import asyncio
import warnings

shown = warnings.showwarning


def show(message, category, filename, lineno, file=None, line=None):
    print(f"  {category.__name__} at line {lineno}: {message}")
    shown(message, category, filename, lineno, file, line)


async def greet(name):
    print("hello", name)


async def main():
    greet("dropped at once")
    print("after the call")
    coro = greet("kept a while")
    print("holding it")
    del coro
    print("after del")
    for n in range(3):
        greet(n)  # warned once: the same line
    print("after the loop")
    await greet("awaited")
    await asyncio.create_task(greet("as a task"))


warnings.showwarning = show
asyncio.run(main())
print("program ends")

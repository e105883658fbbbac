# ctypes: the C library inside the wasm module, called directly: system(), open() of a file
# outside, Emscripten's own sockets. Each stays inside the module (its file system, its
# sockets that have no way out). Emscripten's JavaScript helpers: ctypes-js.py.
# Added with ctypes-js.py when a hostile file of the lead's reached them (Node 26 host).
import ctypes

results = []


def attempt(route, fn):
    try:
        result = fn()
    except Exception as e:
        first = (str(e).splitlines() or [""])[0]
        print(f"BLOCKED {route}: {type(e).__name__}: {first[:100]}")
        results.append(True)
    else:
        print(f"ESCAPED {route}: {result!r:.100}")
        results.append(False)


def finish():
    # Ends like an uncaught exception, so `npm run sim` prints it and exits non-zero.
    print("DONE")
    raise PermissionError(f"{results.count(True)} of {len(results)} attempts to reach the machine failed")


lib = ctypes.CDLL(None)


def libc(route, call):
    def checked():
        status = call()
        # libc reports failure as a status, not an exception.
        if status < 0 or (route.endswith("system") and status != 0):
            raise OSError(f"{route} returned {status}")
        return status

    attempt(route, checked)


libc("libc system", lambda: lib.system(b"touch __MARKER__"))
libc("libc open", lambda: lib.open(b"__CANARY__", 0))


def connect():
    # Emscripten's own sockets (SOCKFS) reach out through WebSockets where the host has them.
    fd = lib.socket(2, 1, 0)
    if fd < 0:
        return fd
    port = __PORT__
    addr = bytes([2, 0, port >> 8, port & 0xFF, 127, 0, 0, 1]) + bytes(8)
    if lib.connect(fd, addr, len(addr)) < 0:
        return -1
    return lib.send(fd, b"GET / HTTP/1.0\r\n\r\n", 18, 0)


libc("libc connect", connect)
finish()

# A forged result on the channel to the host: the engine process's IPC pipe is fd 3, and Node's
# fs writes to any open descriptor. Reached through the run's host (heap() -> NODEFS ->
# fs.writeSync), it printed "ALL 12 CHECKS PASSED" and exited 0 before (673f2cb, Node 20), for
# a program that raises SystemExit(3). Also from Python's own os.write(3, ...) and garbage frames.
# Now Python holds no host, and fd 3 inside Pyodide is the run's own channel to the engine: a
# forged frame there ends this run with the channel's error (tests/host/escape.test.ts).
import gc
import os
import struct
import sys

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


def varint(n):
    b = bytearray()
    while True:
        x, n = n & 0x7F, n >> 7
        b.append(x | 0x80 if n else x)
        if not n:
            return bytes(b)


def v8(value):
    """V8's serialization format (what Node's 'advanced' IPC speaks), for plain values."""
    out = bytearray(b"\xff\x0f")

    def w(v):
        if v is True:
            out.extend(b"T")
        elif v is False:
            out.extend(b"F")
        elif isinstance(v, int):
            out.extend(b"I" + varint(((v << 1) ^ (v >> 31)) & 0xFFFFFFFF))
        elif isinstance(v, str):
            e = v.encode("latin-1")
            out.extend(b'"' + varint(len(e)) + e)
        elif isinstance(v, list):
            out.extend(b"A" + varint(len(v)))
            for x in v:
                w(x)
            out.extend(b"$" + varint(0) + varint(len(v)))
        else:
            out.extend(b"o")
            for k, x in v.items():
                w(k)
                w(x)
            out.extend(b"{" + varint(len(v)))

    w(value)
    return struct.pack(">I", len(out)) + bytes(out)


def forged(run_id):
    trace = {
        "version": 1, "source": "", "fileName": "forged.py", "options": {}, "actors": [], "steps": [],
        "events": [{"t": "output", "stream": "stdout", "text": "ALL 12 CHECKS PASSED\n"}],
        "end": {"kind": "ok", "message": "", "exitCode": 0},
    }
    return v8({"type": "result", "runId": run_id, "trace": trace, "tainted": False})


def emscripten_module():
    for mod in [sys.modules.get("_loopscope.state")] + [o for o in gc.get_objects() if type(o) is type(sys)]:
        if getattr(mod, "__name__", None) == "_loopscope.state" and mod.run is not None:
            m = mod.run.host.heap()  # Python holds no host now: AttributeError
            if hasattr(m, "FS"):
                return m
    raise LookupError("no route to the Emscripten module")


def node_write(fd, data):
    m = emscripten_module()
    p = m._malloc(len(data))
    m.HEAPU8.subarray(p, p + len(data)).assign(data)

    class Stream:
        nfd = fd

    n = m.FS.filesystems.NODEFS.stream_ops.write(Stream(), m.HEAP8, p, len(data), None)
    m._free(p)
    return n


def forge_all():
    frames = b"".join(forged(i) for i in range(1, 300))
    return node_write(3, frames)


attempt("os.write(3, forged frame)", lambda: os.write(3, forged(1)))
attempt("Node fs.writeSync(3, forged result frames)", forge_all)
attempt("Node fs.writeSync(3, garbage frame)", lambda: node_write(3, struct.pack(">I", 12) + b"\xff\x0f\x99garbage!!"))
print("DONE")
raise SystemExit(3)

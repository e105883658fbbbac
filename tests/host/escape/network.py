# Connecting to a TCP listener on 127.0.0.1, through Python's sockets and through Node's.
import socket
import _socket
import urllib.request

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

def raw_connect():
    s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(("127.0.0.1", __PORT__))
    return "connected"

attempt("socket.create_connection", lambda: socket.create_connection(("127.0.0.1", __PORT__), timeout=2))
attempt("socket.socket().connect", lambda: socket.socket().connect(("127.0.0.1", __PORT__)))
attempt("_socket connect", raw_connect)
attempt("urllib", lambda: urllib.request.urlopen("http://127.0.0.1:__PORT__/", timeout=2).read())
# Pyodide can swap in real Node sockets; their set-up would finish after this run, so the next
# run of this file tries every socket above again. pyodide_js itself is closed to programs.
def node_sockets():
    import pyodide_js
    return pyodide_js.useNodeSockFS()


attempt("pyodide_js.useNodeSockFS", node_sockets)
finish()

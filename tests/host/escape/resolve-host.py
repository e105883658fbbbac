# Resolving a host name (a DNS query is itself a way out). The socket module resolves only the
# virtual network's names (engine/python/world): a real name is unknown there; the C module's
# lookups refuse outright.
import _socket
import socket

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

attempt("socket.gethostbyname", lambda: socket.gethostbyname("pypi.org"))
attempt("socket.getaddrinfo", lambda: socket.getaddrinfo("pypi.org", 443))
attempt("socket.gethostbyname_ex", lambda: socket.gethostbyname_ex("github.com"))
attempt("_socket.gethostbyname", lambda: _socket.gethostbyname("pypi.org"))
attempt("_socket.getaddrinfo", lambda: _socket.getaddrinfo("localhost", 80))
finish()

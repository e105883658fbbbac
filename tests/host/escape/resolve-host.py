# Resolving a host name (a DNS query is itself a way out).
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

attempt("socket.gethostbyname", lambda: socket.gethostbyname("example.com"))
attempt("socket.getaddrinfo", lambda: socket.getaddrinfo("example.com", 80))
attempt("socket.gethostbyname_ex", lambda: socket.gethostbyname_ex("localhost"))
finish()

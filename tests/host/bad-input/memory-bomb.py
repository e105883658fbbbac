# A memory bomb: Python objects until something gives (the wasm heap's 4 GB, or the host's cap).
held = []
while True:
    held.append(bytearray(b"x" * 50_000_000))

import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "big.bin")
chunk = b"\0" * (1 << 20)
with open(path, "wb") as f:
    for _ in range(1024):
        f.write(chunk)
print("wrote", os.path.getsize(path), "bytes")

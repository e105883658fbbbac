# native: real
# tempfile: a temporary directory, a named temporary file, an anonymous one, and mkstemp.
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "scratch.txt")
    with open(path, "w") as f:
        f.write("scratch")
    print("inside:", os.listdir(d), open(path).read())
print("directory removed:", not os.path.exists(d))

with tempfile.NamedTemporaryFile("w+", suffix=".csv", delete=False) as f:
    f.write("a,b\n1,2\n")
    name = f.name
print("suffix:", name.endswith(".csv"), "kept:", os.path.exists(name))
with open(name) as f:
    print(f.read().splitlines())
os.unlink(name)

with tempfile.TemporaryFile() as f:
    f.write(b"anonymous")
    f.seek(0)
    print(f.read())

fd, path = tempfile.mkstemp(text=True)
os.write(fd, b"via a descriptor\n")
os.close(fd)
with open(path) as f:
    print(f.read().strip())
os.remove(path)
print("gettempdir is a directory:", os.path.isdir(tempfile.gettempdir()))

# Files with open() and os in a fresh temporary directory: write, read, append, seek, listdir
# (sorted: the directory's own order is the file system's), stat for the size, rename, remove,
# and FileNotFoundError for a file that is gone. Only names relative to the directory are printed,
# and errno is compared with errno.ENOENT, never printed: its number differs between platforms.
# Then the same in the working directory with relative names: print(file=f), lines numbered,
# os.makedirs, pathlib's write_text and glob, and the directory left empty.
# native: real
import errno
import os
import pathlib
import shutil
import tempfile

root = tempfile.mkdtemp()
notes = os.path.join(root, "notes.txt")

with open(notes, "w") as f:
    f.write("first line\n")
    f.write("second line\n")
with open(notes) as f:
    print("read:", f.read().splitlines())
with open(notes, "a") as f:
    print("append returns", f.write("third line\n"))
with open(notes) as f:
    print("lines:", [line.rstrip("\n") for line in f])
print("size:", os.stat(notes).st_size, os.path.getsize(notes))

with open(os.path.join(root, "data.bin"), "wb") as f:
    f.write(bytes(range(10)))
with open(os.path.join(root, "data.bin"), "rb") as f:
    f.seek(4)
    print("seek(4), read(3):", f.read(3), "tell:", f.tell())

os.mkdir(os.path.join(root, "archive"))
os.rename(notes, os.path.join(root, "archive", "old-notes.txt"))
print("listdir:", sorted(os.listdir(root)))
print("archive:", os.listdir(os.path.join(root, "archive")))
print("isdir archive:", os.path.isdir(os.path.join(root, "archive")), "exists notes:", os.path.exists(notes))
try:
    open(notes)
except FileNotFoundError as error:
    print("FileNotFoundError, errno ENOENT:", error.errno == errno.ENOENT, "for", os.path.basename(error.filename))

os.remove(os.path.join(root, "data.bin"))
print("after remove:", sorted(os.listdir(root)))
walked = []
for dirpath, dirnames, filenames in os.walk(root):
    walked.append((os.path.relpath(dirpath, root), sorted(dirnames), sorted(filenames)))
print("walk:", walked)
shutil.rmtree(root)
print("removed the directory:", not os.path.exists(root))

with open("notes.txt", "w") as f:
    f.write("first line\n")
with open("notes.txt", "a") as f:
    print("second line", file=f)
with open("notes.txt") as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip())
os.makedirs("logs/2024", exist_ok=True)
pathlib.Path("logs/2024/a.log").write_text("a\n")
pathlib.Path("logs/2024/b.log").write_text("b\n")
print("here:", sorted(os.listdir(".")), "logs:", sorted(p.name for p in pathlib.Path("logs/2024").glob("*.log")))
print("walk:", sorted((os.path.relpath(d), sorted(fs)) for d, _, fs in os.walk("logs")))
os.rename("notes.txt", "renamed.txt")
print("exists:", os.path.exists("notes.txt"), os.path.exists("renamed.txt"))
os.remove("renamed.txt")
for p in pathlib.Path("logs/2024").iterdir():
    p.unlink()
os.rmdir("logs/2024")
os.rmdir("logs")
print("here after:", sorted(os.listdir(".")))
try:
    open("missing.txt")
except FileNotFoundError as e:
    print("missing:", e.strerror)

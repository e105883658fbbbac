# native: real
# Files: write, append, read back, list, stat, rename, delete; os and pathlib.
import os
import pathlib

with open("notes.txt", "w") as f:
    f.write("first line\n")
with open("notes.txt", "a") as f:
    print("second line", file=f)
with open("notes.txt") as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip())
with open("data.bin", "wb") as f:
    f.write(bytes(range(5)))
with open("data.bin", "rb") as f:
    print(list(f.read()))
print("size:", os.stat("notes.txt").st_size, os.path.getsize("data.bin"))
os.makedirs("logs/2024", exist_ok=True)
pathlib.Path("logs/2024/a.log").write_text("a\n")
pathlib.Path("logs/2024/b.log").write_text("b\n")
print("listing:", sorted(os.listdir(".")))
print("logs:", sorted(p.name for p in pathlib.Path("logs/2024").glob("*.log")))
print("walk:", sorted((os.path.relpath(d), sorted(fs)) for d, _, fs in os.walk("logs")))
os.rename("notes.txt", "renamed.txt")
print("exists:", os.path.exists("notes.txt"), os.path.exists("renamed.txt"))
os.remove("renamed.txt")
for p in pathlib.Path("logs/2024").iterdir():
    p.unlink()
os.rmdir("logs/2024")
os.rmdir("logs")
os.remove("data.bin")
print("listing after:", sorted(os.listdir(".")))
try:
    open("missing.txt")
except FileNotFoundError as e:
    print("missing:", e.strerror)

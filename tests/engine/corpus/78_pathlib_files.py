# The same with pathlib: write_text/read_text, write_bytes, mkdir with parents, iterdir and glob
# (sorted), suffix and stem, unlink, rmdir, and a temporary directory that removes itself.
# native: real
import pathlib
import tempfile

with tempfile.TemporaryDirectory() as name:
    root = pathlib.Path(name)
    (root / "a.txt").write_text("alpha\n")
    (root / "b.txt").write_text("beta\nbeta again\n")
    (root / "c.log").write_bytes(b"\x00\x01log")
    sub = root / "deep" / "er"
    sub.mkdir(parents=True)
    (sub / "d.txt").write_text("delta")
    print("iterdir:", sorted(p.name for p in root.iterdir()))
    print("glob *.txt:", sorted(p.name for p in root.glob("*.txt")))
    print("rglob *.txt:", sorted(p.relative_to(root).as_posix() for p in root.rglob("*.txt")))
    print("b.txt lines:", (root / "b.txt").read_text().splitlines())
    print("c.log bytes:", (root / "c.log").read_bytes())
    print("stem and suffix:", (root / "c.log").stem, (root / "c.log").suffix)
    print("sizes:", {p.name: p.stat().st_size for p in sorted(root.glob("*.*"))})
    with (root / "a.txt").open("a") as f:
        f.write("alpha again\n")
    print("a.txt now:", (root / "a.txt").read_text().splitlines())
    (root / "a.txt").unlink()
    print("a.txt exists:", (root / "a.txt").exists(), "is_file b.txt:", (root / "b.txt").is_file())
    (sub / "d.txt").unlink()
    sub.rmdir()
    print("after rmdir:", sorted(p.relative_to(root).as_posix() for p in root.rglob("*")))
    try:
        (root / "a.txt").read_text()
    except FileNotFoundError:
        print("reading a.txt again: FileNotFoundError")
print("temporary directory gone:", not root.exists())

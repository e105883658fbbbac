# The program's sys.stdout behaves like a real one: write, writelines, flush, encoding, buffer.
import sys

count = sys.stdout.write("written with write\n")
print("write returned", count)
sys.stdout.writelines(["one line\n", "another line\n"])
print("no newline here", end="")
print(" ... continued", flush=True)
print("encoding:", sys.stdout.encoding)
sys.stdout.flush()
sys.stdout.buffer.write("bytes through .buffer\n".encode())
sys.stdout.buffer.flush()
print("sep", "and", "end", sep="|", end="!\n")
print("this goes to stderr", file=sys.stderr)

class Grumpy:
    def __del__(self):
        raise RuntimeError("no")

g = Grumpy()
del g
print("after")

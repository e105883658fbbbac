# Objects still alive when the program ends are finalised at exit, in the order they were bound,
# and their __del__ can still use the program's globals then.
PREFIX = "finalised at exit:"


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(PREFIX, self.name)


first = Noisy("first")
second = Noisy("second")
print("last line of the program")

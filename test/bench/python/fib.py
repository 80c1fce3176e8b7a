"""Twin of the JavaScript fib(25) in the profiler overhead benchmark."""


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    return fib(25)

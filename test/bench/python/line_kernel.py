"""Twin of the line profiler benchmark's numeric kernel (two calls of kernel(100000))."""


def kernel(n):
    s = 0.0
    for i in range(1, n + 1):
        x = i * 0.001
        s += (x * x + 1) / (x + 1)
    return s


def main():
    total = 0.0
    for _ in range(2):
        total += kernel(100_000)
    return total

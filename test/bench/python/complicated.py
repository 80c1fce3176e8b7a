"""Twin of src/content/examples/complicated.js: a parent class filling a list
with random numbers, a child whose prep_y is called a million times, and
element-wise helpers standing in for numpy's operations."""
import math
import random


def square_each(values):
    return [v * v for v in values]


def add_each(a, b):
    return [v + b[i] for i, v in enumerate(a)]


def add_scalar(values, k):
    return [v + k for v in values]


def random_int(low, high):
    return low + math.floor(random.random() * (high - low + 1))


class Parent:
    def __init__(self):
        self.x = [random.random() for _ in range(100)]


class Child(Parent):
    def __init__(self, y):
        super().__init__()
        self.y = y

    def prep_y(self):
        self.y += random_int(0, 8)

    def my_method(self):
        for _ in range(1_000_000):
            self.prep_y()
        return add_scalar(square_each(self.x), self.y)


def prep_child(y):
    return Child(y)


def get_sum(a, b):
    return round(sum(add_each(a, b)))


def my_func():
    first = prep_child(10)
    second = prep_child(20)
    z1 = first.my_method()
    z2 = second.my_method()
    return get_sum(z1, z2)


def main():
    return my_func()

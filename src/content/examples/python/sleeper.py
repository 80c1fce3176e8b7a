"""The seed's sleeper, in Python: a program that spends its time waiting.

Profile it with:  python3 -m cProfile -o sleeper.pstats sleeper.py
(scripts/make-sleeper-pstats.sh regenerates public/examples/sleeper.pstats).
"""
import time


def sleep_one_second():
    time.sleep(1)


def function1(n):
    for _ in range(n):
        sleep_one_second()


def function2():
    sleep_one_second()


def main():
    function1(5)
    function2()
    print("Done: six one-second naps.")


main()

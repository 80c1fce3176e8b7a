"""Times a twin program's main() plain and under cProfile, in one process,
after a warm-up; prints JSON: {"plain": [ms...], "cprofile": [ms...]}.
Usage: python3 timer.py <module> <repeats>"""
import cProfile
import importlib
import json
import sys
import time

sys.path.insert(0, __import__('os').path.dirname(__file__))
name, repeats = sys.argv[1], int(sys.argv[2])
mod = importlib.import_module(name)


def plain():
    t = time.perf_counter()
    mod.main()
    return (time.perf_counter() - t) * 1000


def profiled():
    profiler = cProfile.Profile()
    t = time.perf_counter()
    profiler.enable()
    mod.main()
    profiler.disable()
    return (time.perf_counter() - t) * 1000


plain()
profiled()
result = {"plain": [], "cprofile": []}
for _ in range(repeats):
    # Interleaved, so a change in machine load hits both alike.
    result["plain"].append(plain())
    result["cprofile"].append(profiled())
print(json.dumps(result))

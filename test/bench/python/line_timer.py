"""Times main() of a twin module plain and under line_profiler (what `kernprof -l`
does), interleaved, and prints the times as JSON. Usage:
    /usr/bin/python3 line_timer.py MODULE FUNCTION REPEATS"""
import importlib
import json
import sys
import time
from pathlib import Path

from line_profiler import LineProfiler

sys.path.insert(0, str(Path(__file__).parent))
module = importlib.import_module(sys.argv[1])
name, repeats = sys.argv[2], int(sys.argv[3])
plain_fn = getattr(module, name)
profiler = LineProfiler()
profiled_fn = profiler(plain_fn)


def timed():
    t0 = time.perf_counter()
    module.main()
    return (time.perf_counter() - t0) * 1000


times = {"plain": [], "kernprof": []}
setattr(module, name, plain_fn)
module.main()  # warm-up
for _ in range(repeats):
    setattr(module, name, plain_fn)
    times["plain"].append(timed())
    setattr(module, name, profiled_fn)
    times["kernprof"].append(timed())
print(json.dumps(times))

# The CPython/NumPy side of bench/run-calls.sh: per-call overhead, warm (loop with the call minus without).
import math, statistics, time
import numpy as np

n = 1_000_000
m = np.array([[2.5]])
v = np.array([1.0, 2.0, 3.0])

def loop_base():
    s = 0.0
    for i in range(n):
        s += 2.0
    return s

def loop_sqrt():
    s = 0.0
    for i in range(n):
        s += math.sqrt(2.0)
    return s

def loop_trace():
    s = 0.0
    for i in range(n):
        s += np.trace(m)
    return s

def loop_norm():
    s = 0.0
    for i in range(n):
        s += np.linalg.norm(v)
    return s

def loop_closure():
    ident = lambda x: x
    s = 0.0
    for i in range(n):
        s += ident(2.0)
    return s

def timed(f, reps=9):
    f()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts), min(ts)

base = timed(loop_base)
print("base_loop", base[0] / n * 1e9, base[1] / n * 1e9)
for name, f in [("sqrt", loop_sqrt), ("linalg.trace", loop_trace), ("linalg.norm", loop_norm), ("closure", loop_closure)]:
    t = timed(f)
    print(name, (t[0] - base[0]) / n * 1e9, (t[1] - base[1]) / n * 1e9)

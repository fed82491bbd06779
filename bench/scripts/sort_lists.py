import sys
sys.setrecursionlimit(10000)
def qsort(xs):
    if len(xs) <= 1: return xs
    p = xs[0]; lo = []; hi = []
    for i in range(1, len(xs)):
        if xs[i] < p: lo.append(xs[i])
        else: hi.append(xs[i])
    return qsort(lo) + [p] + qsort(hi)
def msort(xs):
    n = len(xs)
    if n <= 1: return xs
    a = msort(xs[0:n//2]); b = msort(xs[n//2:n])
    out = []; i = 0; j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]: out.append(a[i]); i += 1
        else: out.append(b[j]); j += 1
    while i < len(a): out.append(a[i]); i += 1
    while j < len(b): out.append(b[j]); j += 1
    return out
s = 12345; xs = []
for i in range(100000):
    s = (s * 16807) % 2147483647
    xs.append(s % 100000)
a = qsort(xs); b = msort(xs)
print(a[0], a[50000], a[99999], len(a))
print(b == a)

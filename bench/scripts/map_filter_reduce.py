xs = [i*2 for i in range(1000000)]
ys = list(filter(lambda x: x % 3 == 0, xs))
from functools import reduce
t = reduce(lambda a, b: a + b, map(lambda x: x + 1, ys), 0)
print(t)
